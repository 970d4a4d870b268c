using ModScope.Catalog;
using ModScope.Query;
using ModScope.Rendering;
using ModScope.Reports;
using ModScope.Reports.Story;
using ModScope.Reports.Text;
using SkiaSharp;

namespace ModScope.Tests.Reports;

/// <summary>Report charts people can read: ticks at nice steps, each label on its gridline, months with their year.</summary>
public sealed class ChartTicksTests
{
    [Theory]
    // 92.5–95 in at most 6 ticks: 0.1, 0.2 and 0.25 need 26, 14 and 11; 0.5 needs 6.
    [InlineData(92.6, 95.0, 6, new[] { 92.5, 93.0, 93.5, 94.0, 94.5, 95.0 })]
    // 0–1,234 in at most 6: 200 needs 8 (0..1,400), 250 needs 6 (0..1,250).
    [InlineData(0.0, 1234.0, 6, new[] { 0.0, 250.0, 500.0, 750.0, 1000.0, 1250.0 })]
    // One value, 40: a step around it (±2 → 38..42 at step 1 is 5 ticks).
    [InlineData(40.0, 40.0, 6, new[] { 38.0, 39.0, 40.0, 41.0, 42.0 })]
    public void Ticks_are_nice_steps_that_enclose_the_values(double min, double max, int count, double[] expected) =>
        Assert.Equal(expected, AxisTicks.Nice(min, max, count));

    [Fact]
    public void Labels_carry_the_decimals_that_tell_ticks_apart()
    {
        Assert.Equal(1, AxisTicks.Decimals([92.5, 93.0, 93.5]));
        Assert.Equal(2, AxisTicks.Decimals([0.25, 0.5, 0.75]));
        Assert.Equal(0, AxisTicks.Decimals([0, 250, 500]));
    }

    [Theory]
    // 12 points on 450 px are 37.5 px apart: a 30 px label with 8 px gap needs 38 px → every 2nd; a 20 px one fits each.
    [InlineData(12, 30.0, 450.0, 2)]
    [InlineData(12, 20.0, 450.0, 1)]
    // 6 points on 450 px are 75 px apart: a 70 px label needs 78 → every 2nd.
    [InlineData(6, 70.0, 450.0, 2)]
    [InlineData(1, 500.0, 450.0, 1)]
    public void Category_labels_skip_points_only_when_they_would_overlap(int count, double width, double axis, int stride) =>
        Assert.Equal(stride, AxisTicks.Stride(count, width, axis));

    [Theory]
    [InlineData("en", "Nov 2026")]
    [InlineData("zh-Hans", "2026年11月")]
    public void A_month_on_a_chart_says_its_year(string language, string expected)
    {
        var text = ReportText.For(language);
        var format = new ReportFormatter(text, CatalogLoader.LoadDefault(), ReportScope.For(ReportAudience.Exec, Week()));
        Assert.Equal(expected, format.Month(new DateTime(2026, 11, 1), shortForm: true));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public void Each_value_label_is_centred_on_its_gridline(string language)
    {
        // QA accuracy between 92.6% and 94.3% with its target at 95%, a tick (92.5–95 at 0.5): the dashed red target
        // line is drawn on the 95 gridline, so the label "95.0" must be centred on the red line's row.
        var weeks = Enumerable.Range(0, 12).Select(i => (new DateTime(2026, 9, 7).AddDays(7 * i), 0.926 + 0.0015 * i)).ToList();
        var months = Enumerable.Range(0, 6).Select(i => (new DateTime(2026, 6, 1).AddMonths(i), 0.93 + 0.002 * i)).ToList();
        var text = ReportText.For(language);
        var format = new ReportFormatter(text, CatalogLoader.LoadDefault(), ReportScope.For(ReportAudience.Exec, Week()));
        using var bitmap = SKBitmap.Decode(new ChartRenderer().Render(new ChartSpec("qa_accuracy", weeks, months, 0.95, []), format, text));

        var red = Enumerable.Range(0, bitmap.Height).First(y => Enumerable.Range(100, 300).Count(x => IsRed(bitmap.GetPixel(x, y))) > 30);
        // The value labels sit left of the data area (the rotated "%" title is left of x = 15).
        var inked = Enumerable.Range(red - 15, 31).Where(y => Enumerable.Range(15, 40).Any(x => IsInk(bitmap.GetPixel(x, y)))).ToList();
        Assert.NotEmpty(inked);
        var centre = (inked.Min() + inked.Max()) / 2.0;
        Assert.InRange(centre, red - 2.0, red + 2.0);
    }

    private static bool IsRed(SKColor c) => c.Red > 180 && c.Green < 90 && c.Blue < 90;

    private static bool IsInk(SKColor c) => c.Red < 120 && c.Green < 120 && c.Blue < 120;

    private static Period Week() => Period.UtcDays(new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22));
}
