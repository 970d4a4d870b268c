using ModScope.Catalog;
using ModScope.Monitor.Scan;
using ModScope.Query;
using ModScope.Stats;

namespace ModScope.Tests.Monitor.Scan;

public sealed class SeriesShapeTests
{
    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();

    private static MetricResult Result(string metric, double value, Interval? interval) =>
        new(metric, new DateTime(2026, 9, 1), new Dictionary<string, string?>(), value, null, null, null, interval);

    [Theory]
    [InlineData("aht_seconds")]
    [InlineData("cost_per_decision")]
    [InlineData("tat_p90_hours")]
    public void A_level_with_an_interval_has_the_standard_error_behind_it(string metric)
    {
        // A 95% interval 120 ± 1.959964·5 was built from a standard error of 5.
        var half = 1.959963984540054 * 5.0;

        var se = SeriesShape.StandardError(Catalog.Metric(metric), Result(metric, 120, new Interval(120 - half, 120 + half, 0.95, "normal")));

        Assert.Equal(5.0, se!.Value, 1e-9);
    }

    [Fact]
    public void Without_an_interval_a_quantile_cannot_alert_and_a_ratio_of_one_table_s_sums_has_no_sampling_test()
    {
        Assert.Equal(double.PositiveInfinity, SeriesShape.StandardError(Catalog.Metric("tat_p90_hours"), Result("tat_p90_hours", 30, null)));
        Assert.Null(SeriesShape.StandardError(Catalog.Metric("utilisation"), Result("utilisation", 0.8, null)));
    }

    [Theory]
    [InlineData("aht_seconds", true)]
    [InlineData("cost_per_decision", true)]
    [InlineData("tat_p90_hours", false)]
    [InlineData("decision_volume", false)]
    [InlineData("qa_accuracy", false)]
    [InlineData("automation_rate", false)]
    public void Level_errors_are_asked_for_levels_that_are_not_quantiles(string metric, bool asked)
    {
        Assert.Equal(asked, SeriesShape.HasLevelError(Catalog.Metric(metric)));
        Assert.Equal(asked, MonitorSeries.Request(Catalog.Metric(metric), [], new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 7)).LevelErrors);
    }
}
