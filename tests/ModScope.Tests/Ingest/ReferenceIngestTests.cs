using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Store;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// Reference data is data: markets, policies, queues and sites load from files like events, are checked with the same
/// quarantine rules, keep history by <c>valid_from</c>, and the query door attributes each event to the row in force
/// when it happened.
/// </summary>
public sealed class ReferenceIngestTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    /// <summary>A human decision in market XA, queue XA-main, at site LIS-DELTA, decided on <paramref name="day"/>.</summary>
    private static string Acme(int n, string day) =>
        $"D{n},listing,L{n},XA,XA-main,counterfeit,proactive_model,human,LIS-DELTA-m1,LIS-DELTA,remove,pt,{day}T10:00:00Z,{day}T11:00:00Z,60,1";

    private string[] AcmeReference(params string[] markets) =>
    [
        WriteCsv(_store.File("markets-acme.csv"), MarketHeader, markets),
        WriteCsv(_store.File("queues-acme.csv"), QueueHeader, ["XA-main,XA,listing,24,Acme main,Acme 主队列,"]),
        WriteCsv(_store.File("sites-acme.csv"), SiteHeader, ["LIS-DELTA,Lisbon (Delta),Delta Vendors,Lisbon,PT,Europe/Lisbon,EUR"]),
    ];

    [Fact]
    public async Task A_teams_own_market_queue_and_site_load_with_its_decisions_in_one_call_without_quarantine()
    {
        var files = AcmeReference("XA,Acmeland,阿克米,ZZR,pt,Europe/Lisbon,");
        var decisions = WriteCsv(_store.File("decisions-acme.csv"), Header, [Acme(1, "2026-08-24"), Acme(2, "2026-08-24")]);

        // The decisions file is named first: reference files still load before the events that point into them.
        var result = await new Ingestor(_store.Store).IngestAsync([decisions, .. files], new IngestOptions());

        Assert.All(result.Files, f => Assert.Equal(0, f.RowsQuarantined));
        Assert.Equal(2, _store.Count("SELECT count(*) FROM decisions"));
        var reference = StoredReference.Load(_store.Store);
        var market = Assert.Single(reference.Markets, m => m.Code == "XA");
        Assert.Equal(("ZZR", "Europe/Lisbon", ModScope.Model.ReferenceSchema.Always), (market.Region, market.TimeZone, market.ValidFrom));
        Assert.Equal("EUR", Assert.Single(reference.Sites, s => s.SiteId == "LIS-DELTA").CostCurrency);
        // The shipped rows seeded into the store are still there (file 0).
        Assert.Contains(reference.Markets, m => m.Code == "ID");
    }

    [Fact]
    public async Task A_regions_file_names_a_new_region_and_renames_one_from_a_day_on_keeping_its_history()
    {
        var regions = WriteCsv(_store.File("regions-acme.csv"), "code,name_en,name_zh,valid_from",
            ["ZZR,Acme Region,阿克米大区,", "SEA,South-East Asia,东南亚地区,2026-09-01"]);

        var result = await new Ingestor(_store.Store).IngestAsync([regions, .. AcmeReference("XA,Acmeland,阿克米,ZZR,pt,Europe/Lisbon,")], new IngestOptions());

        Assert.All(result.Files, f => Assert.Equal(0, f.RowsQuarantined));
        var reference = StoredReference.Load(_store.Store);
        Assert.Equal(new ModScope.Model.Region("ZZR", "Acme Region", "阿克米大区", ModScope.Model.ReferenceSchema.Always),
            Assert.Single(reference.RegionNames, r => r.Code == "ZZR"));
        // SEA keeps its seeded name before the day and takes the file's from it on.
        Assert.Equal("东南亚", reference.Current(new DateOnly(2026, 8, 31)).RegionNames.Single(r => r.Code == "SEA").NameZh);
        Assert.Equal("South-East Asia", reference.Current(new DateOnly(2026, 9, 1)).RegionNames.Single(r => r.Code == "SEA").NameEn);
        Assert.Equal("Acme Region", ModScope.Model.PlaceNames.Name(reference, "region", "ZZR", "en"));
    }

    [Fact]
    public async Task A_market_moved_to_another_region_counts_each_decision_in_the_region_of_its_day()
    {
        // XA is in ZZR until 2026-08-25, then in NEW: three decisions before the move, two after.
        var files = AcmeReference("XA,Acmeland,阿克米,ZZR,pt,Europe/Lisbon,", "XA,Acmeland,阿克米,NEW,pt,Europe/Lisbon,2026-08-25");
        var decisions = WriteCsv(_store.File("decisions-acme.csv"), Header,
            [Acme(1, "2026-08-24"), Acme(2, "2026-08-24"), Acme(3, "2026-08-24"), Acme(4, "2026-08-26"), Acme(5, "2026-08-27")]);
        await new Ingestor(_store.Store).IngestAsync([.. files, decisions], new IngestOptions());

        using var engine = new DuckDbEngine(_store.Store);
        var query = new MetricQuery(CatalogLoader.LoadDefault(), engine);
        var period = new Period(new DateTime(2026, 8, 24), new DateTime(2026, 8, 31), "UTC", "that week");
        var results = await query.RunAsync(new MetricRequest(["decision_volume"], ["region"], TimeGrain.Week,
            [new DimensionFilter("market", FilterOperator.Equals, ["XA"])], period));

        var byRegion = results.ToDictionary(r => r.Dimensions["region"]!, r => r.Value);
        Assert.Equal(2, byRegion.Count);
        Assert.Equal(3, byRegion["ZZR"]);
        Assert.Equal(2, byRegion["NEW"]);
    }

    [Fact]
    public async Task Bad_reference_rows_are_quarantined_with_file_line_field_and_rule()
    {
        var markets = WriteCsv(_store.File("markets-bad.csv"), MarketHeader, ["XB,Bad zone,,ZZR,,Mars/Olympus,"]);
        var queues = WriteCsv(_store.File("queues-bad.csv"), QueueHeader,
            ["XB-main,NOPE,listing,24,,,", "XC-main,ID,listing,-1,,,", "XD-main,ID,listing,24,,,2026-13-01"]);
        var sites = WriteCsv(_store.File("sites-bad.csv"), SiteHeader, ["LIS-ECHO,,,,,Europe/Lisbon,euro"]);
        var policies = WriteCsv(_store.File("policies-bad.csv"), "policy_id,parent_id,name_en,name_zh,severity",
            ["fake_goods,no_such_parent,,,high", "odd_goods,,,,grave", "new_area,,,,high", "new_leaf,new_area,,,low"]);

        var result = await new Ingestor(_store.Store).IngestAsync([markets, queues, sites, policies], new IngestOptions());

        var quarantined = _store.Rows("SELECT f.name, q.line, q.field, q.rule FROM quarantine q JOIN files f USING (file_id) ORDER BY f.name, q.line")
            .Select(r => $"{r[0]}:{r[1]}:{r[2]}:{r[3]}").ToList();
        Assert.Equal(
        [
            "markets-bad.csv:2:time_zone:unknown_time_zone",
            "policies-bad.csv:2:parent_id:unknown_reference",
            "policies-bad.csv:3:severity:unknown_value",
            "queues-bad.csv:2:market:unknown_reference",
            "queues-bad.csv:3:sla_hours:below_minimum",
            "queues-bad.csv:4:valid_from:bad_date",
            "sites-bad.csv:2:cost_currency:bad_currency",
        ], quarantined);
        // A child policy may name a parent that arrives in the same file; nothing is lost.
        Assert.Equal(2, _store.Count("SELECT count(*) FROM policies WHERE policy_id IN ('new_area', 'new_leaf')"));
        Assert.All(result.Files, f => Assert.Equal(f.RowsRead, f.RowsLoaded + f.RowsQuarantined));
    }

    [Fact]
    public async Task A_row_with_a_stored_rows_code_and_valid_from_corrects_it()
    {
        await new Ingestor(_store.Store).IngestAsync(
            [WriteCsv(_store.File("queues-1.csv"), QueueHeader, ["ID-new,ID,listing,24,Old name,,2026-09-01"])], new IngestOptions());

        var result = await new Ingestor(_store.Store).IngestAsync(
            [WriteCsv(_store.File("queues-2.csv"), QueueHeader, ["ID-new,ID,listing,12,New name,,2026-09-01"])], new IngestOptions());

        Assert.Equal(1, result.Files.Single().RowsReplaced);
        var stored = _store.Rows("SELECT name_en, sla_hours FROM queues WHERE queue_id = 'ID-new'");
        Assert.Equal(["New name", 12.0], Assert.Single(stored));
    }
}
