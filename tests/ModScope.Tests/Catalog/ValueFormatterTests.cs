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

    [Theory]
    // Table: a percent metric moves in points (0.0123 → 1.23 points), another by its relative change (0.045 → 4.5%),
    // and from zero (no relative change) by the amount.
    [InlineData(ValueFormat.Percent, 0.0123, 0.2, "en", ValueStyle.Table, "+1.23 pp")]
    [InlineData(ValueFormat.Percent, -0.0123, null, "zh-Hans", ValueStyle.Table, "-1.23个百分点")]
    [InlineData(ValueFormat.Hours, 1.5, 0.045, "en", ValueStyle.Table, "+4.5%")]
    [InlineData(ValueFormat.WholeNumber, 12.0, null, "en", ValueStyle.Table, "+12")]
    [InlineData(ValueFormat.Hours, null, null, "en", ValueStyle.Table, "–")]
    // Prose: the typographic minus, points to 0.1 (0.01 below one point), other changes as an amount in the unit.
    [InlineData(ValueFormat.Percent, -0.015, null, "zh-Hans", ValueStyle.Prose, "−1.5个百分点")]
    [InlineData(ValueFormat.Percent, 0.0042, null, "en", ValueStyle.Prose, "+0.42 pp")]
    [InlineData(ValueFormat.Hours, -2.26, -0.1, "en", ValueStyle.Prose, "−2.3 h")]
    public void A_change_is_written_in_points_or_relative_by_style(ValueFormat format, double? absolute, double? relative, string language, ValueStyle style, string expected)
    {
        Assert.Equal(expected, ValueFormatter.For(language).Change(Metric(format), absolute, relative, style));
    }

    [Fact]
    public void A_prose_change_asked_unsigned_has_no_sign()
    {
        Assert.Equal("1.5 pp", ValueFormatter.For("en").Change(Metric(ValueFormat.Percent), -0.015, null, ValueStyle.Prose, withSign: false));
    }
}
