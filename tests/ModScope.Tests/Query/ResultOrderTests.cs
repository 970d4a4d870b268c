using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>
/// The rows of a result come in a fixed order whatever order the engine returned them in: the request's
/// metrics in turn, then time buckets ascending, then dimension values (ordinal), and the rows of a
/// comparison line up with the same groups.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class ResultOrderTests(ParityFixture fixture)
{
    private static readonly Period Weeks = new(new DateTime(2026, 8, 31), new DateTime(2026, 9, 21), "UTC", "3 weeks");

    [Fact]
    public async Task Rows_follow_the_metrics_then_the_buckets_then_the_dimension_values()
    {
        var results = await fixture.Query.RunAsync(new MetricRequest(["human_decision_volume", "decision_volume"], ["market", "decided_by"], TimeGrain.Day, [], Weeks));

        // Expected from the files: every (day, market, decided_by) with decisions, in that order, human volume first.
        var inPeriod = fixture.Plain.Decisions.Where(d => d.Decided >= Weeks.Start && d.Decided < Weeks.End).ToList();
        static IEnumerable<(string, DateTime, string, string, double)> Groups(string metric, IEnumerable<PlainData.Dec> rows) => rows
            .GroupBy(d => (Day: d.Decided.Date, d.Market, d.By))
            .OrderBy(g => g.Key.Day).ThenBy(g => g.Key.Market, StringComparer.Ordinal).ThenBy(g => g.Key.By, StringComparer.Ordinal)
            .Select(g => (metric, g.Key.Day, g.Key.Market, g.Key.By, (double)g.Count()));
        var expected = Groups("human_decision_volume", inPeriod.Where(d => d.By == "human")).Concat(Groups("decision_volume", inPeriod)).ToList();
        var actual = results.Select(r => (r.Metric, r.Bucket!.Value, r.Dimensions["market"]!, r.Dimensions["decided_by"]!, r.Value!.Value)).ToList();

        // human_decision_volume counts nothing in the automated groups: those rows read 0 and are left out here.
        Assert.Equal(expected, actual.Where(a => a.Item1 == "decision_volume" || a.Item5 > 0));
        Assert.True(expected.Count > 400, $"expected a few hundred groups, got {expected.Count}");
    }

    [Fact]
    public async Task Rows_of_a_comparison_line_up_with_the_previous_period_of_the_same_group()
    {
        var previous = new Period(Weeks.Start.AddDays(-21), Weeks.Start, "UTC", "3 weeks before");

        var results = await fixture.Query.RunAsync(new MetricRequest(["decision_volume"], ["market"], TimeGrain.Week, [], Weeks, Comparison.PreviousPeriod));

        // The n-th week of the period is compared with the n-th week of the previous period, market by market;
        // the data starts on 2026-08-24, so only the last week has a previous week with rows (the others have none).
        var before = fixture.Plain.Decisions.Where(d => d.Decided >= previous.Start && d.Decided < previous.End)
            .GroupBy(d => (Week: (int)((d.Decided - previous.Start).TotalDays / 7), d.Market))
            .ToDictionary(g => g.Key, g => (double)g.Count());
        double? Before(MetricResult r) =>
            before.TryGetValue(((int)((r.Bucket!.Value - Weeks.Start).TotalDays / 7), r.Dimensions["market"]!), out var n) ? n : null;
        Assert.All(results, r => Assert.Equal(Before(r), r.ComparisonValue));
        Assert.InRange(results.Count(r => r.ComparisonValue is not null), 5, results.Count / 3);
    }

    [Fact]
    public async Task A_null_dimension_value_is_its_own_group_first_in_order()
    {
        // Automated decisions have no site: they form the null group, which sorts before every named site.
        var results = await fixture.Query.RunAsync(new MetricRequest(["decision_volume"], ["site"], TimeGrain.None, [], Weeks));

        var expected = fixture.Plain.Decisions.Where(d => d.Decided >= Weeks.Start && d.Decided < Weeks.End)
            .GroupBy(d => d.Site).OrderBy(g => g.Key ?? "", StringComparer.Ordinal)
            .Select(g => (g.Key, (double)g.Count())).ToList();
        Assert.Null(expected[0].Key);
        Assert.Equal(expected, results.Select(r => (r.Dimensions["site"], r.Value!.Value)));
    }
}
