using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// Every catalogue metric gives on a ClickHouse server what it gives on DuckDB for the same files, in both read modes,
/// over four slicings (total; by market; by region with a market filter; by policy area without automated
/// decisions, where the metric allows it) and two grains (whole period; ISO week). Run on 18.16
/// (<see cref="ParityTests"/>) and on a current release (<see cref="ModernParityTests"/>).
/// </summary>
public abstract class ParityChecks(IParityData fixture)
{
    // Ten of the 14 generated days (2026-08-24 .. 2026-09-06), ending before the data does so items are still open
    // at its end; the period crosses a month boundary, so rows sit in two monthly partitions.
    private static readonly Period Weeks = new(new DateTime(2026, 8, 24), new DateTime(2026, 9, 3), "UTC", "2026-08-24..2026-09-02");

    public static TheoryData<string, TimeGrain> Cases()
    {
        var data = new TheoryData<string, TimeGrain>();
        foreach (var metric in CatalogLoader.LoadDefault().Metrics)
        {
            data.Add(metric.Id, TimeGrain.None);
            data.Add(metric.Id, TimeGrain.Week);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(ParityChecks))]
    public async Task Metric_on_ClickHouse_equals_DuckDB_for_every_slicing(string metric, TimeGrain grain)
    {
        var slicings = new List<(string[] By, DimensionFilter[] Filters)>
        {
            ([], []),
            (["market"], []),
            (["region"], [new DimensionFilter("market", FilterOperator.In, ["US", "GB", "ID", "BR"])]),
        };
        if (fixture.Catalog.Metric(metric).Dimensions.Contains("parent_policy"))
        {
            slicings.Add((["parent_policy"], [new DimensionFilter("decided_by", FilterOperator.NotIn, ["automated"])]));
        }

        foreach (var (by, filters) in slicings)
        {
            var request = new MetricRequest([metric], by, grain, filters, Weeks);
            var expected = await fixture.Query(fixture.DuckDb).RunAsync(request);

            foreach (var engine in fixture.ClickHouseModes)
            {
                var actual = await fixture.Query(engine).RunAsync(request);

                ResultComparer.AssertSame(fixture.Catalog, expected, actual, $"{metric} by [{string.Join(",", by)}] {grain} on {engine.Dialect.Name}");
            }
        }
    }

    [Theory]
    [InlineData("Asia/Singapore")]   // fixed offset: shifted by minutes in SQL
    [InlineData("America/Santiago")] // daylight saving starts on 2026-09-06: converted per row
    public async Task Daily_buckets_in_a_local_time_zone_equal_DuckDB(string zone)
    {
        var period = new Period(new DateTime(2026, 8, 25), new DateTime(2026, 9, 7), zone, "13 days");
        var request = new MetricRequest(["decision_volume", "tat_p90_hours", "qa_accuracy"], ["market"], TimeGrain.Day, [], period);

        var expected = await fixture.Query(fixture.DuckDb).RunAsync(request);
        var actual = await fixture.Query(fixture.ClickHouseMerged).RunAsync(request);

        ResultComparer.AssertSame(fixture.Catalog, expected, actual, $"daily in {zone}");
    }

    [Fact]
    public async Task A_scoped_request_on_ClickHouse_equals_its_markets_and_sites_filtered_by_hand_on_DuckDB()
    {
        // The scope (a region and a vendor) becomes filters in the door; by hand: the region and the vendor's sites
        // (read from the shipped sites file here) as the request's own filters.
        var sites = ModScope.Model.ReferenceData.ReadText("sites").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(',')).ToList();
        var vendor = Array.IndexOf(sites[0], "vendor");
        var alpha = sites.Skip(1).Where(r => r[vendor] == "Alpha Services").Select(r => r[0]).ToList();
        Assert.NotEmpty(alpha);
        string[] metrics = ["human_decision_volume", "qa_accuracy", "sla_attainment", "tat_p90_hours"];
        var scoped = new MetricRequest(metrics, ["market"], TimeGrain.None, [], Weeks) { Scope = AccessScope.Parse("region=SEA&vendor=Alpha Services") };
        var byHand = new MetricRequest(metrics, ["market"], TimeGrain.None,
            [new DimensionFilter("region", FilterOperator.Equals, ["SEA"]), new DimensionFilter("site", FilterOperator.In, alpha)], Weeks);

        var expected = await fixture.Query(fixture.DuckDb).RunAsync(byHand);
        var actual = await fixture.Query(fixture.ClickHouseMerged).RunAsync(scoped);
        var sql = string.Join('\n', fixture.Query(fixture.ClickHouseMerged).Plan(scoped).Statements.Select(s => s.Sql));

        Assert.NotEmpty(expected);
        ResultComparer.AssertSame(fixture.Catalog, expected, actual, "SEA and Alpha Services' scope");
        // The SLA lookup's literal arrays hold SEA's queues and no other market's (the shipped queues file, read as plain CSV).
        var sea = ModScope.Model.ReferenceData.ReadText("markets").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).Select(l => l.Split(',')).Where(r => r[3] == "SEA").Select(r => r[0]).ToHashSet();
        var queues = ModScope.Model.ReferenceData.ReadText("queues").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(1).Select(l => l.Split(',')).ToLookup(r => sea.Contains(r[1]), r => $"'{r[0]}'");
        Assert.All(queues[true], q => Assert.Contains(q, sql, StringComparison.Ordinal));
        Assert.All(queues[false], q => Assert.DoesNotContain(q, sql, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quantile_intervals_and_period_comparison_equal_DuckDB()
    {
        var period = new Period(new DateTime(2026, 8, 31), new DateTime(2026, 9, 7), "UTC", "2026-W36");
        var request = new MetricRequest(["tat_p50_hours", "tat_p90_hours", "automation_rate"], ["region"], TimeGrain.None, [], period, Comparison.PreviousPeriod)
        {
            QuantileIntervals = true,
        };

        var expected = await fixture.Query(fixture.DuckDb).RunAsync(request);
        var actual = await fixture.Query(fixture.ClickHouse).RunAsync(request);

        ResultComparer.AssertSame(fixture.Catalog, expected, actual, "intervals and comparison");
        Assert.Equal(expected.Select(r => (r.Interval?.Lower, r.Interval?.Upper, r.ComparisonValue)), actual.Select(r => (r.Interval?.Lower, r.Interval?.Upper, r.ComparisonValue)));
        Assert.Contains(actual, r => r.Interval is not null && r.Metric == "tat_p90_hours");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-09-01")]
    public async Task Newest_decision_on_ClickHouse_is_the_newest_in_the_store(string? until)
    {
        var before = until is null ? (DateTime?)null : DateTime.Parse(until, System.Globalization.CultureInfo.InvariantCulture);

        var newest = await Monitor.Quality.EngineWatermarks.NewestDecisionAsync(fixture.ClickHouse, before);

        // A hand-written query on the DuckDB store (ClickHouse keeps timestamps to the second).
        using var connection = fixture.Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT date_trunc('second', max(decided_at)) FROM decisions" + (until is null ? "" : $" WHERE decided_at < TIMESTAMP '{until}'");
        Assert.Equal((DateTime)command.ExecuteScalar()!, newest);
    }
}
