using MathNet.Numerics.Distributions;
using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>Distribution-free intervals for turnaround quantiles, checked against the order statistics by hand.</summary>
[Collection(ParityCollection.Name)]
public sealed class QuantileIntervalTests(ParityFixture fixture)
{
    private static readonly Period Weeks = new(new DateTime(2026, 8, 31), new DateTime(2026, 9, 21), "UTC", "3 weeks");

    [Theory]
    [InlineData("tat_p50_hours", 0.5)]
    [InlineData("tat_p90_hours", 0.9)]
    public async Task The_interval_is_the_pair_of_order_statistics_with_binomial_tail_probabilities_of_at_most_2_5_percent(string metric, double q)
    {
        var results = await fixture.Query.RunAsync(new MetricRequest([metric], ["market"], TimeGrain.None, [], Weeks) { QuantileIntervals = true });

        AssertOrderStatisticIntervals(results, q);
    }

    [Fact]
    public async Task A_median_and_a_p90_of_the_same_turnaround_share_one_ranking_and_keep_their_own_intervals()
    {
        var request = new MetricRequest(["tat_p50_hours", "tat_p90_hours"], ["market"], TimeGrain.None, [], Weeks) { QuantileIntervals = true };

        var results = await fixture.Query.RunAsync(request);

        Assert.Single(fixture.Query.Plan(request).Statements, s => s.Kind == StatementKind.Ranks);
        AssertOrderStatisticIntervals(results.Where(r => r.Metric == "tat_p50_hours").ToList(), 0.5);
        AssertOrderStatisticIntervals(results.Where(r => r.Metric == "tat_p90_hours").ToList(), 0.9);
    }

    private void AssertOrderStatisticIntervals(IReadOnlyList<MetricResult> results, double q)
    {
        foreach (var r in results.Where(r => r.Interval is not null))
        {
            var sorted = fixture.Plain.Decisions
                .Where(d => d.By == "human" && d.Market == r.Dimensions["market"] && d.Decided >= Weeks.Start && d.Decided < Weeks.End)
                .Select(d => (d.Decided - d.Created).TotalHours).Order().ToList();
            var n = sorted.Count;
            // Y ~ Binomial(n, q) counts values below the quantile; lower rank l: largest with P(Y <= l-1) <= 2.5%,
            // upper rank u: smallest with P(Y >= u) <= 2.5% (Conover 1999, 3.2).
            var lower = Enumerable.Range(1, n).Last(l => Binomial.CDF(q, n, l - 1) <= 0.025);
            var upper = Enumerable.Range(1, n).First(u => 1 - Binomial.CDF(q, n, u - 1) <= 0.025);
            Assert.Equal(sorted[lower - 1], r.Interval!.Lower, 9);
            Assert.Equal(sorted[upper - 1], r.Interval.Upper, 9);
            Assert.InRange(r.Value!.Value, r.Interval.Lower, r.Interval.Upper);
        }
        Assert.Contains(results, r => r.Interval is not null);
    }

    [Fact]
    public async Task Without_the_option_no_extra_statement_runs_and_quantiles_carry_no_interval()
    {
        var request = new MetricRequest(["tat_p90_hours"], [], TimeGrain.None, [], Weeks);

        Assert.DoesNotContain(fixture.Query.Plan(request).Statements, s => s.Kind == StatementKind.Ranks);
        Assert.Null((await fixture.Query.RunAsync(request)).Single().Interval);
    }
}
