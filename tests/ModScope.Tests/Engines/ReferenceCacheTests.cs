using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Engines;

/// <summary>
/// The DuckDB engine keeps the store's reference data between requests and reads it again only after a load: repeated
/// filtered requests do not reread the six tables, and a load of new markets or queues is seen by the next request.
/// </summary>
public sealed class ReferenceCacheTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    /// <summary>A human decision in <paramref name="market"/>'s queue <c>{market}-main</c> at site LIS-DELTA on 2026-08-24.</summary>
    private static string Decision(int n, string market) =>
        $"D{n},listing,L{n},{market},{market}-main,counterfeit,proactive_model,human,LIS-DELTA-m1,LIS-DELTA,remove,pt,2026-08-24T10:00:00Z,2026-08-24T11:00:00Z,60,1";

    /// <summary>Loads market <paramref name="market"/> (region ZZR), its main queue with <paramref name="slaHours"/>, the site and <paramref name="decisions"/> decisions in it.</summary>
    private Task Load(string market, double slaHours, int first, int decisions) =>
        new Ingestor(_store.Store).IngestAsync(
        [
            WriteCsv(_store.File($"markets-{market}.csv"), MarketHeader, [$"{market},Land {market},,ZZR,pt,Europe/Lisbon,"]),
            WriteCsv(_store.File($"queues-{market}-{slaHours}.csv"), QueueHeader, [$"{market}-main,{market},listing,{slaHours},,,"]),
            WriteCsv(_store.File("sites-acme.csv"), SiteHeader, ["LIS-DELTA,Lisbon (Delta),Delta Vendors,Lisbon,PT,Europe/Lisbon,EUR"]),
            WriteCsv(_store.File($"decisions-{market}-{first}.csv"), Header, Enumerable.Range(first, decisions).Select(n => Decision(n, market))),
        ], new IngestOptions());

    private static MetricRequest VolumeIn(string market) =>
        new(["decision_volume"], [], TimeGrain.None, [new DimensionFilter("market", FilterOperator.Equals, [market])],
            new Period(new DateTime(2026, 8, 24), new DateTime(2026, 8, 25), "UTC", "that day"));

    [Fact]
    public async Task Repeated_filtered_requests_read_the_reference_tables_once()
    {
        await Load("XA", 24, 1, 3);
        using var engine = new DuckDbEngine(_store.Store);
        var query = new MetricQuery(CatalogLoader.LoadDefault(), engine);

        for (var i = 0; i < 3; i++)
        {
            // 3 decisions were loaded in XA.
            Assert.Equal(3, Assert.Single(await query.RunAsync(VolumeIn("XA"))).Value);
        }
        _ = engine.Reference;

        Assert.Equal(1, engine.ReferenceReads);
    }

    [Fact]
    public async Task A_load_of_a_new_market_and_a_changed_queue_is_seen_by_the_next_request()
    {
        await Load("XA", 24, 1, 3);
        using var engine = new DuckDbEngine(_store.Store);
        var query = new MetricQuery(CatalogLoader.LoadDefault(), engine);
        Assert.Equal(3, Assert.Single(await query.RunAsync(VolumeIn("XA"))).Value);
        // Before the load, XB is unknown to the store, so a filter on it is refused.
        await Assert.ThrowsAsync<MetricRequestException>(() => query.RunAsync(VolumeIn("XB")));
        Assert.Equal(24, engine.Reference.Queues.Single(q => q.QueueId == "XA-main").SlaHours);

        // A new market with 2 decisions, and XA's queue corrected to a 12-hour SLA.
        await Load("XB", 24, 10, 2);
        await Load("XA", 12, 20, 1);

        Assert.Equal(2, Assert.Single(await query.RunAsync(VolumeIn("XB"))).Value);
        Assert.Equal(12, engine.Reference.Queues.Single(q => q.QueueId == "XA-main").SlaHours);
        // One read before the loads and one after them: the requests between reads reused it.
        Assert.Equal(2, engine.ReferenceReads);
    }
}
