using ModScope.Ingest;
using ModScope.Monitor.Health;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// A target naming a region that no market is in yet waits as pending, as one naming an unknown market does, and is
/// released when a markets file brings a market of that region: in the same load whatever the order of the files, or in a
/// later load. A region is known through a market's row only (a regions file gives names). Every count below is read off
/// the hand-written files.
/// </summary>
public sealed class PendingTargetRegionTests : IDisposable
{
    private const string TargetHeader = "metric,market,region,site,queue,policy,value,valid_from";
    private const string MarketHeader = "code,name_en,name_zh,region,language,time_zone";

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private Task<IngestResult> Load(params string[] files) => Load(new IngestOptions(), files);

    private Task<IngestResult> Load(IngestOptions options, params string[] files) => new Ingestor(_store.Store).IngestAsync(files, options);

    private List<string> Quarantined(string status) =>
        _store.Rows($"SELECT f.name, q.line, q.field, q.rule FROM quarantine q JOIN files f USING (file_id) WHERE q.status = '{status}' ORDER BY f.name, q.line")
            .Select(r => $"{r[0]}:{r[1]}:{r[2]}:{r[3]}").ToList();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_target_for_the_region_of_a_market_in_the_same_load_loads_whatever_the_file_order(bool targetsFirst)
    {
        var targets = WriteCsv(_store.File("targets-zzr.csv"), TargetHeader, ["qa_accuracy,,ZZR,,,,0.95,"]);
        var markets = WriteCsv(_store.File("markets-acme.csv"), MarketHeader, ["XA,Acmeland,,ZZR,pt,Europe/Lisbon"]);

        var result = await Load(targetsFirst ? [targets, markets] : [markets, targets]);

        // The markets load first (targets point into them), so the target finds region ZZR at once: nothing waits.
        Assert.Equal(["markets", "targets"], result.Files.Select(f => f.Table));
        Assert.Equal([1L, 1L], result.Files.Select(f => f.RowsLoaded));
        Assert.Equal(0, result.Files.Sum(f => f.RowsPending));
        Assert.Equal(0, result.RowsReleased);
        Assert.Equal(1, _store.Count("SELECT count(*) FROM targets WHERE region = 'ZZR'"));
        Assert.Empty(Quarantined("pending"));
    }

    [Fact]
    public async Task A_target_for_an_unknown_region_waits_and_is_released_when_a_later_load_brings_a_market_of_that_region()
    {
        var targets = WriteCsv(_store.File("targets-sam.csv"), TargetHeader,
        [
            "qa_accuracy,,ZZR,,,,0.95,",     // no market in ZZR yet: waits for the region
            "sla_attainment,,SEA,,,,0.8,",   // SEA is the shipped markets' region: loads
            "qa_accuracy,,MARS,,,,0.9,",     // never brought: waits for good
            "qa_accuracy,XA,ZZR,,,,0.96,",   // waits for its market first (the market is checked before the region)
        ]);

        var first = await Load(targets);

        var file = first.Files.Single();
        Assert.Equal((4L, 1L, 3L, 3L), (file.RowsRead, file.RowsLoaded, file.RowsQuarantined, file.RowsPending));
        Assert.Equal(["targets-sam.csv:2:region:unknown_reference", "targets-sam.csv:4:region:unknown_reference", "targets-sam.csv:5:market:unknown_reference"],
            Quarantined("pending"));
        Assert.Empty(Quarantined("rejected"));
        Assert.Equal(3, _store.Count("SELECT count(*) FROM pending_targets"));

        // A regions file names MARS, but no market is in it: a region is known through a market, so line 4 still waits.
        var second = await Load(
            WriteCsv(_store.File("markets-acme.csv"), MarketHeader, ["XA,Acmeland,,ZZR,pt,Europe/Lisbon"]),
            WriteCsv(_store.File("regions-acme.csv"), "code,name_en,name_zh", ["ZZR,Acme region,", "MARS,Mars,"]));

        // Lines 2 and 5 (region ZZR now has market XA, and XA is loaded): 2 released; line 4 waits with file, line and field.
        Assert.Equal(2, second.RowsReleased);
        Assert.Equal(["targets-sam.csv:4:region:unknown_reference"], Quarantined("pending"));
        Assert.Empty(Quarantined("rejected"));
        Assert.Equal(2, _store.Count("SELECT count(*) FROM quarantine WHERE status = 'released'"));
        Assert.Equal(3, _store.Count("SELECT count(*) FROM targets WHERE file_id > 0"));
        Assert.Equal([0.95, 0.96], _store.Rows("SELECT value FROM targets WHERE region = 'ZZR' ORDER BY value").Select(r => (double)r[0]!));
        Assert.Equal(["MARS"], _store.Rows("SELECT region FROM pending_targets").Select(r => (string)r[0]!));
        Assert.Equal([("targets", 1L)], new StoreHealth(_store.Store).Pending().Select(p => (p.Table, p.Rows)));
    }

    [Fact]
    public async Task Without_waiting_for_references_a_target_for_an_unknown_region_is_quarantined_naming_the_field()
    {
        var targets = WriteCsv(_store.File("targets-mars.csv"), TargetHeader, ["qa_accuracy,,MARS,,,,0.9,", "qa_accuracy,,SEA,,,,0.95,"]);

        var result = await Load(new IngestOptions(WaitForReferences: false), targets);

        Assert.Equal((1L, 1L, 0L), (result.Files.Single().RowsLoaded, result.Files.Single().RowsQuarantined, result.Files.Single().RowsPending));
        Assert.Equal(["targets-mars.csv:2:region:unknown_reference"], Quarantined("rejected"));
        Assert.Contains("'MARS' is not a known region", (string)_store.Rows("SELECT message FROM quarantine").Single()[0]!, StringComparison.Ordinal);
        Assert.Equal(0, _store.Count("SELECT count(*) FROM pending_targets"));
    }
}
