using System.Globalization;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Query;

/// <summary>
/// A comparison with a period the data only partly covers (<see cref="ComparisonCoverage"/>): hand-made decisions from
/// Tuesday 2026-09-01 to Sunday 2026-09-20, each day one human decision (handling 60 s) and one automated one.
/// </summary>
public sealed class PartialComparisonTests : IDisposable
{
    private static readonly DateOnly First = new(2026, 9, 1);
    private static readonly DateOnly Last = new(2026, 9, 20);

    /// <summary>Mon 2026-09-07 .. Sun 2026-09-20: its previous period is Mon 2026-08-24 .. Sun 2026-09-06, of which 09-01..09-06 (6 days) have data.</summary>
    private static readonly Period TwoWeeks = Period.UtcDays(new DateOnly(2026, 9, 7), Last);

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private async Task<(DuckDbEngine Engine, MetricQuery Query)> Loaded()
    {
        var rows = new List<string>();
        var n = 0;
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Add($"D{++n},listing,L{n},US,US-prelisting,counterfeit,proactive_model,human,AUS-INHOUSE-m001,AUS-INHOUSE,remove,en,{d}T10:00:00Z,{d}T11:00:00Z,60,1");
            rows.Add($"D{++n},product,P{n},ID,ID-patrol,weapons,user_report,automated,,,approve,id,{d}T10:00:00Z,{d}T10:00:03Z,0,1");
        }
        await new Ingestor(_store.Store).IngestAsync([WriteCsv(_store.File("decisions-1.csv"), Header, rows)], new IngestOptions());
        Assert.Equal(2 * 20, _store.Count("SELECT count(*) FROM decisions"));
        var engine = new DuckDbEngine(_store.Store);
        return (engine, new MetricQuery(CatalogLoader.LoadDefault(), engine));
    }

    [Fact]
    public async Task The_engine_reads_each_table_s_first_day_once_per_load()
    {
        var (engine, query) = await Loaded();
        using (engine)
        {
            for (var i = 0; i < 3; i++)
            {
                _ = await query.RunAsync(new MetricRequest(["decision_volume"], [], TimeGrain.None, [], TwoWeeks, Comparison.PreviousPeriod));
            }

            // The first automated decision, 10:00:03 on 09-01, is the earliest decided_at.
            Assert.Equal(new DateTime(2026, 9, 1, 10, 0, 3), engine.FirstDays["decisions"]);
            // No audits, appeals or staffing rows: no first day for them.
            Assert.Equal(["decisions"], engine.FirstDays.Keys);
            Assert.Equal(1, engine.FirstDayReads);
        }
    }

    [Fact]
    public async Task A_count_over_a_partly_covered_previous_period_has_no_change_and_says_how_many_days_had_data()
    {
        var (engine, query) = await Loaded();
        using (engine)
        {
            var r = Assert.Single(await query.RunAsync(new MetricRequest(["decision_volume"], [], TimeGrain.None, [], TwoWeeks, Comparison.PreviousPeriod)));

            // 14 days × 2 decisions now; 6 days (09-01..09-06) × 2 before.
            Assert.Equal(28, r.Value);
            Assert.Equal(12, r.ComparisonValue);
            Assert.Equal(new ComparisonCoverage(First, 14, 14, 14, 6, Comparable: false), r.Coverage);
            Assert.Null(r.AbsoluteChange);
            Assert.Null(r.RelativeChange);
            Assert.Null(r.Significant);
            Assert.Null(r.PValue);
        }
    }

    [Fact]
    public async Task A_share_and_a_mean_are_compared_on_the_covered_days_with_the_coverage_noted()
    {
        var (engine, query) = await Loaded();
        using (engine)
        {
            var results = await query.RunAsync(new MetricRequest(["automation_rate", "aht_seconds"], [], TimeGrain.None, [], TwoWeeks, Comparison.PreviousPeriod));

            var share = results.Single(r => r.Metric == "automation_rate");
            // 14 of 28 automated now, 6 of 12 before: no change, tested as two proportions.
            Assert.Equal(0.5, share.Value);
            Assert.Equal(0.5, share.ComparisonValue);
            Assert.Equal(0, share.AbsoluteChange);
            Assert.False(share.Significant);
            Assert.Equal(new ComparisonCoverage(First, 14, 14, 14, 6, Comparable: true), share.Coverage);
            var mean = results.Single(r => r.Metric == "aht_seconds");
            Assert.Equal(60, mean.Value);
            Assert.Equal(0, mean.AbsoluteChange);
            Assert.True(mean.Coverage!.Comparable);
        }
    }

    [Fact]
    public async Task A_fully_covered_previous_period_is_not_marked()
    {
        var (engine, query) = await Loaded();
        using (engine)
        {
            // Mon 09-14 .. Sun 09-20 against Mon 09-07 .. Sun 09-13: both inside the data.
            var r = Assert.Single(await query.RunAsync(new MetricRequest(["decision_volume"], [], TimeGrain.None, [],
                Period.UtcDays(new DateOnly(2026, 9, 14), Last), Comparison.PreviousPeriod)));

            Assert.Null(r.Coverage);
            Assert.Equal(14, r.Value);
            Assert.Equal(14, r.ComparisonValue);
            Assert.Equal(0, r.AbsoluteChange);
            Assert.NotNull(r.Significant);
        }
    }

    [Fact]
    public async Task Weekly_buckets_are_marked_each_against_its_aligned_previous_week()
    {
        var (engine, query) = await Loaded();
        using (engine)
        {
            var results = await query.RunAsync(new MetricRequest(["decision_volume"], [], TimeGrain.Week, [], TwoWeeks, Comparison.PreviousPeriod));

            // Week of 09-07 against the week of 08-24 (no day with data); week of 09-14 against the week of 08-31 (09-01..09-06: 6 of 7).
            var first = results.Single(r => r.Bucket == new DateTime(2026, 9, 7));
            var second = results.Single(r => r.Bucket == new DateTime(2026, 9, 14));
            Assert.Equal(new ComparisonCoverage(First, 7, 7, 7, 0, Comparable: false), first.Coverage);
            Assert.Equal(new ComparisonCoverage(First, 7, 7, 7, 6, Comparable: false), second.Coverage);
            Assert.Null(second.RelativeChange);
        }
    }
}
