using ModScope.Catalog;

namespace ModScope.Tests.Catalog;

/// <summary>The one value formatter: each format, language and style, expected strings written out by hand.</summary>
public sealed class ValueFormatterTests
{
    private static MetricDefinition Metric(ValueFormat format) => new()
    {
        Id = "m", Version = 1, Name = new Bilingual("M", "M"), Description = new Bilingual("M.", "M。"), Unit = "u", Format = format,
        Direction = MetricDirection.Neutral, Owner = "tests", Kind = MetricKind.Measure,
    };

    [Theory]
    [InlineData(ValueFormat.Percent, 0.9534, "en", ValueStyle.Table, "95.34%")]
    [InlineData(ValueFormat.Percent, 0.9534, "en", ValueStyle.Prose, "95.3%")]
    [InlineData(ValueFormat.Percent, 0.0512, "en", ValueStyle.Prose, "5.12%")]
    [InlineData(ValueFormat.WholeNumber, 2345.0, "en", ValueStyle.Prose, "2,345")]
    [InlineData(ValueFormat.WholeNumber, 2345.0, "zh-Hans", ValueStyle.Table, "2,345")]
    [InlineData(ValueFormat.Hours, 29.83, "en", ValueStyle.Table, "29.83 h")]
    [InlineData(ValueFormat.Hours, 29.83, "en", ValueStyle.Prose, "29.8 h")]
    [InlineData(ValueFormat.Hours, 29.83, "zh-Hans", ValueStyle.Prose, "29.8小时")]
    [InlineData(ValueFormat.Seconds, 41.26, "en", ValueStyle.Table, "41.3 s")]
    [InlineData(ValueFormat.Seconds, 41.26, "zh-Hans", ValueStyle.Prose, "41秒")]
    [InlineData(ValueFormat.Currency, 3.456, "en", ValueStyle.Table, "3.46")]
    [InlineData(ValueFormat.Currency, 3.456, "en", ValueStyle.Prose, "US$3.46")]
    [InlineData(ValueFormat.Currency, 3.456, "zh-Hans", ValueStyle.Prose, "3.46美元")]
    [InlineData(ValueFormat.ThreeDecimals, 0.7123, "en", ValueStyle.Table, "0.712")]
    [InlineData(ValueFormat.ThreeDecimals, 0.7123, "en", ValueStyle.Prose, "0.71")]
    [InlineData(ValueFormat.Number, 12.3456, "en", ValueStyle.Table, "12.35")]
    [InlineData(ValueFormat.Number, 12.3456, "en", ValueStyle.Prose, "12.3")]
    public void Each_format_is_written_in_the_languages_culture_and_words(ValueFormat format, double value, string language, ValueStyle style, string expected)
    {
        Assert.Equal(expected, ValueFormatter.For(language).Value(Metric(format), value, style));
    }

    [Fact]
    public void The_invariant_formatter_groups_thousands_and_names_a_missing_value_as_asked()
    {
        var hours = Metric(ValueFormat.Hours);

        Assert.Equal("1,234.50 h", ValueFormatter.Invariant.Value(hours, 1234.5));
        Assert.Equal("n/a", ValueFormatter.Invariant.Value(hours, double.NaN, missing: "n/a"));
        Assert.Equal("–", ValueFormatter.For("en").Value(hours, null));
    }

    [Fact]
    public void An_unknown_language_is_refused_naming_the_ones_there_are()
    {
        Assert.Contains("use en or zh-Hans", Assert.Throws<ArgumentException>(() => ValueFormatter.For("fr")).Message, StringComparison.Ordinal);
    }
}
