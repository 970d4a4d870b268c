using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Monitor.Quality;
using ModScope.Query;
using ModScope.Store;
using ModScope.Tests.Sources;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// A team's own data on ClickHouse, each test in a database of its own: Bazaarly's export (tests/data/bazaar: its
/// markets, queues and site, a queue renamed on 2026-11-09, two extra columns, through its mapping) gives the values
/// worked out by hand from its eleven rows (as in ModScope.Tests' BazaarDataSetTests) and DuckDB's; a site's costs
/// convert at the cluster's exchange rates as on DuckDB. Run on 18.16 (two shards) and 26.7.
/// </summary>
public abstract class OwnDataChecks(ParityDataFixture fixture)
{
    private static readonly Period TwoWeeks = new(new DateTime(2026, 11, 2), new DateTime(2026, 11, 16), "UTC", "two weeks");

    private static Dictionary<string, double?> By(IEnumerable<MetricResult> results, string dimension) =>
        results.ToDictionary(r => r.Dimensions[dimension]!, r => r.Value);

    [Fact]
    public async Task Bazaarlys_own_reference_data_and_extra_columns_give_the_hand_counts_and_DuckDBs_values()
    {
        await using var database = await fixture.ScratchDatabaseAsync("bazaar");
        var options = new IngestOptions(Mapping: BazaarData.Mapping());
        var loaded = await new ClickHouseLoader(database.Merged).IngestAsync(BazaarData.Inputs, options);
        Assert.Equal(5, loaded.Files.Count); // four reference and event files and the per-market targets
        Assert.All(loaded.Files, f => Assert.Equal((0L, FileStatus.Loaded), (f.RowsQuarantined, f.Status)));
        var folder = Directory.CreateTempSubdirectory("modscope-ch-bazaar-");
        try
        {
            using var store = ModScopeStore.Open(Path.Combine(folder.FullName, "store.duckdb"));
            await new Ingestor(store).IngestAsync(BazaarData.Inputs, options);
            using var duck = new DuckDbEngine(store);
            await AssertBazaarsValuesAsync(duck, database);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Bazaarlys_export_sent_before_its_reference_files_waits_and_attaches_when_they_arrive_as_on_DuckDB()
    {
        await using var database = await fixture.ScratchDatabaseAsync("waiting");
        var options = new IngestOptions(Mapping: BazaarData.Mapping());
        var (export, reference) = (BazaarData.Inputs[1], BazaarData.Inputs[0]);
        var folder = Directory.CreateTempSubdirectory("modscope-ch-waiting-");
        try
        {
            using var store = ModScopeStore.Open(Path.Combine(folder.FullName, "store.duckdb"));
            var ingestor = new Ingestor(store);
            var loader = new ClickHouseLoader(database.Merged);
            // Its markets, queues and site are unknown (the cluster holds the shipped ones): all eleven rows wait, none is rejected.
            foreach (var first in new[] { await ingestor.IngestAsync([export], options), await loader.IngestAsync([export], options) })
            {
                var file = Assert.Single(first.Files);
                Assert.Equal((11L, 0L, 11L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsPending, file.RowsQuarantined - file.RowsPending));
            }
            foreach (var engine in database.Modes)
            {
                Assert.Empty(await new MetricQuery(BazaarData.Catalog(), engine).RunAsync(new(["decision_volume"], ["market"], TimeGrain.None, [], TwoWeeks)));
            }
            // The reference files release them, with their extra columns, on both engines.
            Assert.Equal(11, (await ingestor.IngestAsync([reference], options)).RowsReleased);
            Assert.Equal(11, (await loader.IngestAsync([reference], options)).RowsReleased);
            using var duck = new DuckDbEngine(store);
            await AssertBazaarsValuesAsync(duck, database);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_load_that_fails_after_shipping_its_reference_tables_leaves_the_previous_ones_in_force()
    {
        await using var database = await fixture.ScratchDatabaseAsync("atomic");
        await new ClickHouseLoader(database.Merged).IngestAsync([BazaarData.Inputs[0]], new IngestOptions());
        var folder = Directory.CreateTempSubdirectory("modscope-ch-atomic-");
        try
        {
            // A correction moving Northland to another region; the load fails after shipping the reference tables (its
            // node lost a table that the release of parked audits reads), before it ends.
            var moved = Path.Combine(folder.FullName, "markets-moved.csv");
            File.WriteAllText(moved, "code,name_en,name_zh,region,language,time_zone,valid_from\nXN,Northland,北地,NOR,pt,America/Sao_Paulo,\n");
            var db = database.Merged.Options.Database;
            await database.Merged.ExecuteAsync($"DROP TABLE {db}.pending_qa_audits");
            var error = await Assert.ThrowsAsync<ClickHouseException>(() => new ClickHouseLoader(database.Merged).IngestAsync([moved], new IngestOptions()));
            Assert.Contains("pending_qa_audits", error.Message, StringComparison.Ordinal);
            Assert.Equal("SAM", await RegionOfNorthlandAsync(database));

            await database.Merged.ExecuteAsync(ClickHouseSchema.Statements(db, database.Merged.Options.Cluster)
                .Single(s => s.StartsWith($"CREATE TABLE IF NOT EXISTS {db}.pending_qa_audits AS", StringComparison.Ordinal)));
            var retried = await new ClickHouseLoader(database.Merged).IngestAsync([moved], new IngestOptions());
            Assert.Equal(1, Assert.Single(retried.Files).RowsReplaced);
            Assert.Equal("NOR", await RegionOfNorthlandAsync(database));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Read afresh from each node (an engine's snapshot is kept until files change).
    private static async Task<string> RegionOfNorthlandAsync(ScratchDatabase database)
    {
        var regions = new List<string>();
        foreach (var mode in database.Modes)
        {
            using var engine = new ClickHouseEngine(mode.Options);
            regions.Add(Assert.Single(engine.Reference.Markets, m => m.Code == "XN").Region);
        }
        return Assert.Single(regions.Distinct());
    }

    // The requests of Bazaarly's hand counts on every read mode of the cluster: DuckDB's values and the hand counts.
    private static async Task AssertBazaarsValuesAsync(DuckDbEngine duck, ScratchDatabase database)
    {
        var catalog = BazaarData.Catalog();
        MetricRequest[] requests =
        [
            new(["decision_volume"], ["market"], TimeGrain.None, [], TwoWeeks),
            new(["automation_rate", "aht_seconds"], [], TimeGrain.None, [], TwoWeeks),
            new(["avg_model_score"], ["seller_tier"], TimeGrain.None, [], TwoWeeks),
            new(["decision_volume"], [], TimeGrain.None, [new DimensionFilter("seller_tier", FilterOperator.Equals, ["gold"])], TwoWeeks),
            new(["decision_volume"], ["queue_name"], TimeGrain.None, [new DimensionFilter("market", FilterOperator.Equals, ["XS"])], TwoWeeks),
        ];
        // T01, 09:01 on 3 Nov in São Paulo (UTC-3, the mapping's zone), is the earliest decision; no other event table has rows.
        var firstDays = new Dictionary<string, DateTime> { ["decisions"] = new DateTime(2026, 11, 3, 12, 1, 0) };
        Assert.Equal(firstDays, duck.FirstDays);
        foreach (var engine in database.Modes)
        {
            Assert.Equal(firstDays, engine.FirstDays);
            // The cluster's own markets (the shipped ones were seeded by the first load): the region of XN is Bazaarly's.
            Assert.Equal("SAM", Assert.Single(engine.Reference.Markets, m => m.Code == "XN").Region);
            Assert.Contains(engine.Reference.Markets, m => m.Code == "ID");
            // The shipped regions' names were seeded too (reference/regions.csv); Bazaarly's SAM has none, so it shows its code.
            Assert.Equal("东南亚", ModScope.Model.PlaceNames.Name(engine.Reference, "region", "SEA", "zh-Hans"));
            Assert.Equal("SAM", ModScope.Model.PlaceNames.Name(engine.Reference, "region", "SAM", "en"));
            var results = new List<IReadOnlyList<MetricResult>>();
            foreach (var request in requests)
            {
                var expected = await new MetricQuery(catalog, duck).RunAsync(request);
                results.Add(await new MetricQuery(catalog, engine).RunAsync(request));
                ResultComparer.AssertSame(catalog, expected, results[^1], $"{engine.Dialect.Name}: {string.Join(",", request.Metrics)}");
            }
            // XN: T01-T03; XS: T04-T07 and T11; XW: T08-T10.
            Assert.Equal(new Dictionary<string, double?> { ["XN"] = 3, ["XS"] = 5, ["XW"] = 3 }, By(results[0], "market"));
            // AUTO: T01, T04, T07, T08, T10, T11 of 11. HUMAN work_secs: 120 + 300 + 180 + 60 + 240 = 900 over 5.
            var totals = results[1].ToDictionary(r => r.Metric, r => r.Value!.Value);
            Assert.Equal(6.0 / 11, totals["automation_rate"], 9);
            Assert.Equal(180, totals["aht_seconds"], 9);
            // gold: .97 .99 .95 .80; silver: .40 .70 .91 .88; bronze: .65 .20 .10.
            var score = By(results[2], "seller_tier");
            Assert.Equal(3.71 / 4, score["gold"]!.Value, 9);
            Assert.Equal(2.89 / 4, score["silver"]!.Value, 9);
            Assert.Equal(0.95 / 3, score["bronze"]!.Value, 9);
            Assert.Equal(4, Assert.Single(results[3]).Value);
            // Renamed from 2026-11-09 (UTC): T04, T05 before; T06, T07 and T11 (01:30 UTC on the 9th) after.
            Assert.Equal(new Dictionary<string, double?> { ["XS Goods review"] = 2, ["XS Marketplace review"] = 3 }, By(results[4], "queue_name"));
        }
    }

    [Fact]
    public async Task A_sites_costs_convert_at_the_latest_rate_on_or_before_their_day_and_not_at_all_without_one()
    {
        await using var database = await fixture.ScratchDatabaseAsync("fx");
        var folder = Directory.CreateTempSubdirectory("modscope-ch-fx-");
        try
        {
            var files = AcmeFiles(folder.FullName);
            var loaded = await new ClickHouseLoader(database.Merged).IngestAsync(files, new IngestOptions());
            Assert.All(loaded.Files, f => Assert.Equal(0, f.RowsQuarantined));
            using var store = ModScopeStore.Open(Path.Combine(folder.FullName, "store.duckdb"));
            await new Ingestor(store).IngestAsync(files, new IngestOptions());
            using var duck = new DuckDbEngine(store);
            var request = new MetricRequest(["cost_per_decision"], [], TimeGrain.None, [],
                new Period(new DateTime(2026, 8, 24), new DateTime(2026, 8, 31), "UTC", "that week"));

            // EUR from the 25th at 1.50: the 24th has no rate (its 80 EUR are left out, not counted as 0); 25th 8 h x 10 x 1.50 = 120;
            // 26th (the 25th's rate) 4 h x 10 x 1.50 = 60. 180 USD over 4 human decisions = 45.
            Assert.Equal(45, Assert.Single(await new MetricQuery(CatalogLoader.LoadDefault(), duck).RunAsync(request)).Value!.Value, 9);
            // The 24th's one staffing row has no EUR rate on or before it: a missing_rate finding, the same on both engines.
            var expected = Assert.Single(await MissingRatesAsync(duck));
            Assert.Equal(("staffing", "currency = EUR", new DateOnly(2026, 8, 24), 1.0), (expected.Source, expected.Segment, expected.Day, expected.Observed));
            foreach (var engine in database.Modes)
            {
                Assert.Equal(45, Assert.Single(await new MetricQuery(CatalogLoader.LoadDefault(), engine).RunAsync(request)).Value!.Value, 9);
                Assert.Equal(expected, Assert.Single(await MissingRatesAsync(engine)));
            }

            // A load bringing a rate for the 24th fails after shipping its reference tables (a node lost a table it reads):
            // that generation is not in force, so the 24th still has no rate, for the check as for the metric.
            var early = Path.Combine(folder.FullName, "fx_rates-early.csv");
            File.WriteAllText(early, "date,currency,rate\n2026-08-24,EUR,1.40\n");
            await database.Merged.ExecuteAsync($"DROP TABLE {database.Merged.Options.Database}.pending_qa_audits");
            await Assert.ThrowsAsync<ClickHouseException>(() => new ClickHouseLoader(database.Merged).IngestAsync([early], new IngestOptions()));
            var db = database.Merged.Options.Database;
            await database.Merged.ExecuteAsync(ClickHouseSchema.Statements(db, database.Merged.Options.Cluster)
                .Single(s => s.StartsWith($"CREATE TABLE IF NOT EXISTS {db}.pending_qa_audits AS", StringComparison.Ordinal)));
            foreach (var mode in database.Modes)
            {
                using var engine = new ClickHouseEngine(mode.Options);
                Assert.Equal(45, Assert.Single(await new MetricQuery(CatalogLoader.LoadDefault(), engine).RunAsync(request)).Value!.Value, 9);
                Assert.Equal(expected, Assert.Single(await MissingRatesAsync(engine)));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<IReadOnlyList<QualityFinding>> MissingRatesAsync(IMetricEngine engine) =>
        (await DataQualityChecks.RunAsync(engine, new DateOnly(2026, 8, 26), new QualitySettings(), null, CancellationToken.None))
            .Where(f => f.Check == QualityCheckKind.MissingRate).ToList();

        // A market, queue and EUR site of their own, staffing on three days, four human decisions and one exchange rate.
    private static string[] AcmeFiles(string folder)
    {
        static string Decision(int n, string day) =>
            $"D{n},listing,L{n},XA,XA-main,counterfeit,proactive_model,human,LIS-DELTA-m1,LIS-DELTA,remove,pt,{day}T10:00:00Z,{day}T11:00:00Z,60,1";
        (string Name, string Text)[] files =
        [
            ("markets-acme.csv", "code,name_en,name_zh,region,language,time_zone\nXA,Acmeland,,ZZR,pt,Europe/Lisbon\n"),
            ("queues-acme.csv", "queue_id,market,object_type,sla_hours,name_en,name_zh\nXA-main,XA,listing,24,,\n"),
            ("sites-acme.csv", "site_id,name,vendor,city,country,time_zone,cost_currency\nLIS-DELTA,Lisbon,Delta,Lisbon,PT,Europe/Lisbon,EUR\n"),
            ("fx_rates-2026.csv", "date,currency,rate\n2026-08-25,EUR,1.50\n"),
            ("staffing-acme.csv", "date,site,market,moderator_id,scheduled_hours,productive_hours,hourly_cost\n" +
                "2026-08-24,LIS-DELTA,XA,m1,8,6,10\n2026-08-25,LIS-DELTA,XA,m1,8,6,10\n2026-08-26,LIS-DELTA,XA,m1,4,3,10\n"),
            ("decisions-acme.csv", "decision_id,object_type,object_id,market,queue,policy_id,detection_source,decided_by,moderator_id,site,verdict," +
                "language,created_at,decided_at,handling_seconds,version\n" +
                string.Join("\n", Decision(1, "2026-08-24"), Decision(2, "2026-08-25"), Decision(3, "2026-08-26"), Decision(4, "2026-08-26")) + "\n"),
        ];
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }
        return files.Select(f => Path.Combine(folder, f.Name)).ToArray();
    }
}
