using ModScope.Ingest;
using ModScope.Query;
using ModScope.Tests.Support;

namespace ModScope.Tests.Sources;

/// <summary>
/// A second, different data set: Bazaarly's export (its own column names, enums and timestamp format, three markets,
/// three queues and a vendor site unknown to the shipped reference data, two extra columns, a queue renamed on
/// 2026-11-09) loads through its mapping with nothing quarantined, and its metrics match values worked out by hand
/// from the eleven rows of <c>tests/data/bazaar/export</c> (listed in each test).
/// </summary>
public sealed class BazaarDataSetTests(BazaarStore bazaar) : IClassFixture<BazaarStore>
{
    private static readonly Period TwoWeeks = new(new DateTime(2026, 11, 2), new DateTime(2026, 11, 16), "UTC", "two weeks");
    private readonly TempStore _store = bazaar.Store;


    private static Dictionary<string, double?> By(IEnumerable<MetricResult> results, string dimension) =>
        results.ToDictionary(r => r.Dimensions[dimension]!, r => r.Value);

    [Fact]
    public void The_export_loads_with_nothing_quarantined_and_their_values_become_ours()
    {
        Assert.Equal(5, bazaar.Result.Files.Count);
        Assert.All(bazaar.Result.Files, f => Assert.Equal((0L, FileStatus.Loaded), (f.RowsQuarantined, f.Status)));
        Assert.Equal(11, _store.Count("SELECT count(*) FROM decisions"));
        // T01: AUTO, LISTING, R-FAKE, MODEL, Removed, gold, 0.97 in their words.
        var row = Assert.Single(_store.Rows("SELECT decided_by, object_type, policy_id, detection_source, verdict, seller_tier, model_score FROM decisions WHERE decision_id = 'T01'"));
        Assert.Equal(["automated", "listing", "counterfeit", "proactive_model", "remove", "gold", 0.97], row);
    }

    [Fact]
    public void Wall_clock_times_are_read_in_the_mappings_time_zone_and_offsets_as_given()
    {
        // America/Sao_Paulo is UTC-3 all year (no daylight saving since 2019): 08/11/2026 22:30 there is 2026-11-09 01:30 UTC.
        Assert.Equal(new DateTime(2026, 11, 9, 1, 30, 0), Assert.Single(_store.Rows("SELECT decided_at FROM decisions WHERE decision_id = 'T11'"))[0]);
        // T08 carries its own offset (Z) and keeps it.
        Assert.Equal(new DateTime(2026, 11, 4, 12, 0, 5), Assert.Single(_store.Rows("SELECT decided_at FROM decisions WHERE decision_id = 'T08'"))[0]);
    }

    [Fact]
    public async Task Volume_automation_and_handling_time_match_the_hand_count()
    {
        var query = bazaar.Query;
        var byMarket = By(await query.RunAsync(new MetricRequest(["decision_volume"], ["market"], TimeGrain.None, [], TwoWeeks)), "market");
        // XN: T01-T03; XS: T04-T07 and T11; XW: T08-T10.
        Assert.Equal(new Dictionary<string, double?> { ["XN"] = 3, ["XS"] = 5, ["XW"] = 3 }, byMarket);

        var totals = (await query.RunAsync(new MetricRequest(["automation_rate", "aht_seconds"], [], TimeGrain.None, [], TwoWeeks)))
            .ToDictionary(r => r.Metric, r => r.Value!.Value);
        // AUTO: T01, T04, T07, T08, T10, T11 of 11. HUMAN work_secs: 120 + 300 + 180 + 60 + 240 = 900 over 5.
        Assert.Equal(6.0 / 11, totals["automation_rate"], 9);
        Assert.Equal(180, totals["aht_seconds"], 9);
    }

    [Fact]
    public async Task An_extra_column_is_a_dimension_a_filter_and_a_measures_value()
    {
        var query = bazaar.Query;
        var score = By(await query.RunAsync(new MetricRequest(["avg_model_score"], ["seller_tier"], TimeGrain.None, [], TwoWeeks)), "seller_tier");
        // gold: T01 .97, T04 .99, T07 .95, T09 .80; silver: T02 .40, T05 .70, T08 .91, T11 .88; bronze: T03 .65, T06 .20, T10 .10.
        Assert.Equal(3.71 / 4, score["gold"]!.Value, 9);
        Assert.Equal(2.89 / 4, score["silver"]!.Value, 9);
        Assert.Equal(0.95 / 3, score["bronze"]!.Value, 9);

        var gold = await query.RunAsync(new MetricRequest(["decision_volume"], [], TimeGrain.None,
            [new DimensionFilter("seller_tier", FilterOperator.Equals, ["gold"])], TwoWeeks));
        Assert.Equal(4, Assert.Single(gold).Value);
    }

    [Fact]
    public async Task The_renamed_queue_counts_each_decision_under_the_name_of_its_day()
    {
        var query = bazaar.Query;
        var names = By(await query.RunAsync(new MetricRequest(["decision_volume"], ["queue_name"], TimeGrain.None,
            [new DimensionFilter("market", FilterOperator.Equals, ["XS"])], TwoWeeks)), "queue_name");
        // Renamed from 2026-11-09 (UTC): T04 (5 Nov), T05 (6 Nov) before; T06, T07 and T11 (01:30 UTC on the 9th) after.
        Assert.Equal(new Dictionary<string, double?> { ["XS Goods review"] = 2, ["XS Marketplace review"] = 3 }, names);
    }

    [Fact]
    public async Task A_catalogue_file_reads_the_extra_columns_of_the_mapping_beside_it()
    {
        var folder = Path.Combine(_store.Directory, "catalog");
        Directory.CreateDirectory(folder);
        File.Copy(BazaarData.MappingFile, Path.Combine(folder, "sources.yaml"));
        File.WriteAllText(Path.Combine(folder, "core-index.yaml"), BazaarData.CatalogText());
        var catalog = ModScope.Catalog.CatalogLoader.Load(Path.Combine(folder, "core-index.yaml"));
        using var engine = new ModScope.Engines.DuckDbEngine(_store.Store);

        var tiers = By(await new MetricQuery(catalog, engine).RunAsync(new MetricRequest(["decision_volume"], ["seller_tier"], TimeGrain.None,
            [new DimensionFilter("market", FilterOperator.Equals, ["XS"])], TwoWeeks)), "seller_tier");

        // Southland (XS): T04 gold, T05 silver, T06 bronze, T07 gold, T11 silver.
        Assert.Equal(new Dictionary<string, double?> { ["gold"] = 2, ["silver"] = 2, ["bronze"] = 1 }, tiers);
        // Without the mapping beside it, the same catalogue names an unknown column.
        File.Delete(Path.Combine(folder, "sources.yaml"));
        var ex = Assert.Throws<ModScope.Catalog.CatalogException>(() => ModScope.Catalog.CatalogLoader.Load(Path.Combine(folder, "core-index.yaml")));
        Assert.Contains("unknown column 'seller_tier' in decisions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_market_is_judged_against_its_own_target_from_targets_bazaar_csv()
    {
        var reference = ModScope.Store.StoredReference.Load(_store.Store);
        var automation = BazaarData.Catalog().Metrics.Single(m => m.Id == "automation_rate");
        var day = new DateOnly(2026, 11, 15);
        double? TargetOf(string market) =>
            SegmentTargets.For(automation, new Dictionary<string, string> { ["market"] = market }, day, reference);

        // targets-bazaar.csv: XN 0.5, XS 0.7, XW 0.6; the region SAM as a whole has no row, so the catalogue's target stays.
        Assert.Equal((0.5, 0.7, 0.6), (TargetOf("XN")!.Value, TargetOf("XS")!.Value, TargetOf("XW")!.Value));
        Assert.Equal(automation.Target, SegmentTargets.For(automation, new Dictionary<string, string> { ["region"] = "SAM" }, day, reference));

        // Hand count: XN 1 automated of 3 (below 0.5), XS 3 of 5 = 0.6 (below 0.7), XW 2 of 3 (above 0.6).
        var rates = By(await bazaar.Query.RunAsync(new MetricRequest(["automation_rate"], ["market"], TimeGrain.None, [], TwoWeeks)), "market");
        Assert.Equal(["XW"], rates.Where(r => r.Value >= TargetOf(r.Key)).Select(r => r.Key));
    }

    [Fact]
    public void The_extra_dimension_and_metric_appear_in_the_data_dictionary()
    {
        var md = ModScope.Catalog.DataDictionary.Render(BazaarData.Catalog(), "en", "md", _ => "");

        Assert.Contains("| `seller_tier` | Seller tier | decisions.seller_tier |", md, StringComparison.Ordinal);
        Assert.Contains("Mean model score", md, StringComparison.Ordinal);
    }
}
