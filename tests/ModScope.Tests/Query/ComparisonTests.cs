using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>Period-over-period results on the shared generated data set.</summary>
[Collection(ParityCollection.Name)]
public sealed class ComparisonTests(ParityFixture fixture)
{
    private static readonly Period Week = new(new DateTime(2026, 9, 14), new DateTime(2026, 9, 21), "UTC", "2026-W38");

    [Fact]
    public async Task A_comparison_carries_the_previous_value_and_the_changes_computed_from_it()
    {
        var results = await fixture.Query.RunAsync(new MetricRequest(["automation_rate", "decision_volume"], [], TimeGrain.None, [], Week, Comparison.PreviousPeriod));

        foreach (var r in results)
        {
            var previous = (await fixture.Query.RunAsync(new MetricRequest([r.Metric], [], TimeGrain.None, [],
                Week with { Start = Week.Start.AddDays(-7), End = Week.Start }))).Single();
            Assert.Equal(previous.Value, r.ComparisonValue);
            Assert.Equal(r.Value - previous.Value, r.AbsoluteChange);
            Assert.Equal((r.Value - previous.Value) / previous.Value, r.RelativeChange);
            Assert.NotNull(r.Significant);
        }
    }

    [Fact]
    public async Task A_census_proportion_is_tested_as_two_proportions_with_its_counts()
    {
        var r = (await fixture.Query.RunAsync(new MetricRequest(["automation_rate"], [], TimeGrain.None, [], Week, Comparison.PreviousPeriod))).Single();
        var previous = (await fixture.Query.RunAsync(new MetricRequest(["automation_rate"], [], TimeGrain.None, [],
            Week with { Start = Week.Start.AddDays(-7), End = Week.Start }))).Single();

        // Pooled two-proportion z-test, written out: z = (p1 - p2) / sqrt(p(1-p)(1/n1 + 1/n2)).
        double x1 = r.Numerator!.Value, n1 = r.Denominator!.Value, x2 = previous.Numerator!.Value, n2 = previous.Denominator!.Value;
        var pooled = (x1 + x2) / (n1 + n2);
        var z = (x1 / n1 - x2 / n2) / Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        var p = 2 * (1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Abs(z)));
        Assert.Equal(p, r.PValue!.Value, 1e-9);
        Assert.Equal(p < 0.05, r.Significant);
    }

    [Fact]
    public async Task A_quantile_gets_no_significance_flag_rather_than_a_wrong_one()
    {
        var r = (await fixture.Query.RunAsync(new MetricRequest(["tat_p90_hours"], [], TimeGrain.None, [], Week, Comparison.PreviousPeriod))).Single();

        Assert.NotNull(r.ComparisonValue);
        Assert.Null(r.Significant);
    }

    [Fact]
    public async Task A_sampled_metric_carries_its_interval_and_sample_size()
    {
        var r = (await fixture.Query.RunAsync(new MetricRequest(["qa_accuracy"], [], TimeGrain.None, [], Week))).Single();

        Assert.NotNull(r.Interval);
        Assert.InRange(r.Value!.Value, r.Interval!.Lower, r.Interval.Upper);
        Assert.True(r.SampleSize > 0);
    }

    [Fact]
    public async Task Unknown_metrics_and_dimensions_are_refused_with_near_matches()
    {
        var metric = await Assert.ThrowsAsync<MetricRequestException>(() =>
            fixture.Query.RunAsync(new MetricRequest(["qa_acuracy"], [], TimeGrain.None, [], Week)));
        var dimension = await Assert.ThrowsAsync<MetricRequestException>(() =>
            fixture.Query.RunAsync(new MetricRequest(["qa_accuracy"], ["markt"], TimeGrain.None, [], Week)));
        var unsliceable = await Assert.ThrowsAsync<MetricRequestException>(() =>
            fixture.Query.RunAsync(new MetricRequest(["utilisation"], ["policy"], TimeGrain.None, [], Week)));

        Assert.Contains("did you mean 'qa_accuracy'", metric.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'market'", dimension.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be sliced by 'policy'", unsliceable.Message, StringComparison.Ordinal);
    }
}
