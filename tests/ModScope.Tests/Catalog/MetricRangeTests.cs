using ModScope.Catalog;

namespace ModScope.Tests.Catalog;

/// <summary>The values a metric can take, which an alert's band is kept inside.</summary>
public sealed class MetricRangeTests
{
    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();

    [Theory]
    // A count's band around 3 decisions ± 5 would reach −2: it stops at 0.
    [InlineData("decision_volume", -2.0, 0.0)]
    [InlineData("decision_volume", 8.0, 8.0)]
    // A QA proportion stays within 0%–100%.
    [InlineData("qa_accuracy", 1.03, 1.0)]
    [InlineData("qa_accuracy", -0.01, 0.0)]
    // A census share may pass 100% (utilisation), but not go below 0.
    [InlineData("utilisation", 1.2, 1.2)]
    [InlineData("automation_rate", -0.05, 0.0)]
    // Hours cannot be negative; Cohen's kappa lies in [−1, 1].
    [InlineData("tat_p90_hours", -1.5, 0.0)]
    [InlineData("qa_agreement_kappa", -0.4, -0.4)]
    [InlineData("qa_agreement_kappa", 1.1, 1.0)]
    public void A_bound_is_moved_inside_what_the_metric_can_take(string metric, double value, double expected) =>
        Assert.Equal(expected, MetricRange.Of(Catalog.Metric(metric)).Clamp(value));

    [Fact]
    public void No_value_stays_none() => Assert.Null(MetricRange.Of(Catalog.Metric("decision_volume")).Clamp(null));
}
