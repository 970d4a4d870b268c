using ModScope.Ingest;
using ModScope.Monitor.Health;
using ModScope.Store;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// A reference row naming a code that is not loaded (a queue's market, a policy's parent, a target's market, queue or region)
/// waits as pending, as a decision naming an unknown queue does, and is released when the code arrives: in a later load
/// or a later file of the same load, whatever the order of the files. Until then it is in quarantine with status
/// pending, with its file, line, field and rule. A target's region is known through a market's row only (a regions file
/// gives names). Every count below is read off the hand-written files.
/// </summary>
public sealed class PendingReferenceRowTests : IDisposable
{
    private const string PolicyHeader = "policy_id,parent_id,name_en,name_zh,severity";
    private const string TargetHeader = "metric,market,region,site,queue,policy,value,valid_from";
    private const string MarketHeader = "code,name_en,name_zh,region,language,time_zone";

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private Task<IngestResult> Load(params string[] files) => Load(new IngestOptions(), files);

    private Task<IngestResult> Load(IngestOptions options, params string[] files) => new Ingestor(_store.Store).IngestAsync(files, options);

    private List<string> Quarantined(string status) =>
        _store.Rows($"SELECT f.name, q.line, q.field, q.rule FROM quarantine q JOIN files f USING (file_id) WHERE q.status = '{status}' ORDER BY f.name, q.line")
            .Select(r => $"{r[0]}:{r[1]}:{r[2]}:{r[3]}").ToList();

    [Fact]
    public async Task Reference_rows_naming_codes_not_loaded_wait_and_are_released_with_the_decision_waiting_on_them()
    {
        var queues = WriteCsv(_store.File("queues-acme.csv"), "queue_id,market,object_type,sla_hours,name_en,name_zh",
            ["XA-main,XA,listing,24,Acme main,", "ID-extra,ID,listing,12,,"]);
        var policies = WriteCsv(_store.File("policies-acme.csv"), PolicyHeader, ["acme_fakes,acme_goods,Acme fakes,,high"]);
        var targets = WriteCsv(_store.File("targets-acme.csv"), TargetHeader,
            ["qa_accuracy,XA,,,,,0.95,", "sla_attainment,,,,XA-main,,0.8,", "qa_accuracy,ID,,,,,0.97,"]);
        // Waits for its market, queue, policy and site: the queue itself waits for the market.
        var decisions = WriteCsv(_store.File("decisions-acme.csv"), Header,
            ["D1,listing,L1,XA,XA-main,acme_fakes,proactive_model,human,LIS-DELTA-m1,LIS-DELTA,remove,pt,2026-08-24T10:00:00Z,2026-08-24T11:00:00Z,60,1"]);

        var first = await Load(queues, policies, targets, decisions);

        // Files in load order (policies, queues, targets, then decisions): pending 1, 1 (of 2), 2 (of 3), 1; nothing rejected.
        Assert.Equal(["policies", "queues", "targets", "decisions"], first.Files.Select(f => f.Table));
        Assert.Equal([1L, 1L, 2L, 1L], first.Files.Select(f => f.RowsPending));
        Assert.Equal([0L, 1L, 1L, 0L], first.Files.Select(f => f.RowsLoaded));
        Assert.All(first.Files, f => Assert.Equal(f.RowsPending, f.RowsQuarantined));
        Assert.Equal(0, first.RowsReleased);
        Assert.Equal(
        [
            "decisions-acme.csv:2:market:unknown_reference",
            "policies-acme.csv:2:parent_id:unknown_reference",
            "queues-acme.csv:2:market:unknown_reference",
            "targets-acme.csv:2:market:unknown_reference",
            "targets-acme.csv:3:queue:unknown_reference",
        ], Quarantined("pending"));
        Assert.Empty(Quarantined("rejected"));
        Assert.Equal([("decisions", 1L), ("policies", 1L), ("queues", 1L), ("targets", 2L)],
            new StoreHealth(_store.Store).Pending().Select(p => (p.Table, p.Rows)).OrderBy(p => p.Table, StringComparer.Ordinal));
        Assert.Equal(0, _store.Count("SELECT count(*) FROM queues WHERE queue_id = 'XA-main'"));

        var second = await Load(
            WriteCsv(_store.File("markets-acme.csv"), "code,name_en,name_zh,region,language,time_zone", ["XA,Acmeland,,ZZR,pt,Europe/Lisbon"]),
            WriteCsv(_store.File("policies-parent.csv"), PolicyHeader, ["acme_goods,,Acme goods,,high"]),
            WriteCsv(_store.File("sites-acme.csv"), "site_id,name,vendor,city,country,time_zone,cost_currency",
                ["LIS-DELTA,Lisbon (Delta),Delta Vendors,Lisbon,PT,Europe/Lisbon,EUR"]));

        // The queue, the policy, both targets and then the decision: 5.
        Assert.Equal(5, second.RowsReleased);
        Assert.Empty(Quarantined("pending"));
        Assert.Empty(Quarantined("rejected"));
        Assert.Equal(5, _store.Count("SELECT count(*) FROM quarantine WHERE status = 'released'"));
        Assert.Equal(0, _store.Count(
            "SELECT (SELECT count(*) FROM pending_queues) + (SELECT count(*) FROM pending_policies) + (SELECT count(*) FROM pending_targets) + (SELECT count(*) FROM pending_decisions)"));
        Assert.Equal(["XA", 24.0, 2L], _store.Rows("SELECT market, sla_hours, line FROM queues WHERE queue_id = 'XA-main'").Single());
        Assert.Equal("acme_goods", _store.Rows("SELECT parent_id FROM policies WHERE policy_id = 'acme_fakes'").Single()[0]);
        Assert.Equal(3, _store.Count("SELECT count(*) FROM targets WHERE file_id > 0"));
        Assert.Equal("XA-main", _store.Rows("SELECT queue FROM decisions WHERE decision_id = 'D1'").Single()[0]);
    }

    [Fact]
    public async Task A_store_check_lists_the_rows_still_waiting_with_file_line_and_field_and_calls_the_store_sound()
    {
        var path = _store.File("check.duckdb");
        using (var store = ModScopeStore.Open(path))
        {
            await new Ingestor(store).IngestAsync(
            [
                WriteCsv(_store.File("queues-acme.csv"), "queue_id,market,object_type,sla_hours", ["XA-main,XA,listing,24"]),
                WriteCsv(_store.File("targets-acme.csv"), TargetHeader, ["qa_accuracy,XA,,,,,0.95,", "sla_attainment,,,,XA-main,,0.8,"]),
            ], new IngestOptions());
        }

        var check = StoreCheck.Run(path);

        Assert.True(check.Sound);
        Assert.Equal(
        [
            new StoreCheckItem(StoreCheckKind.RowsWaiting, true, "queues", Count: 1, Examples: ["queues-acme.csv:2 market"]),
            new StoreCheckItem(StoreCheckKind.RowsWaiting, true, "targets", Count: 2, Examples: ["targets-acme.csv:2 market", "targets-acme.csv:3 queue"]),
        ], check.Checked.Where(i => i.Kind == StoreCheckKind.RowsWaiting));
    }

    [Theory]
    [InlineData("policies-1.csv", "policies-2.csv")]
    [InlineData("policies-2.csv", "policies-1.csv")]
    public async Task A_policy_whose_parent_is_in_another_file_of_the_same_load_loads_whatever_the_file_order(string childFile, string parentFile)
    {
        // Different headers, so the two files are read apart. The grandchild names the child in its own file, which is enough
        // for it (a parent may be in the same file), even while the child waits.
        var child = WriteCsv(_store.File(childFile), PolicyHeader, ["acme_fakes,acme_goods,,,high", "acme_bags,acme_fakes,,,low"]);
        var parent = WriteCsv(_store.File(parentFile), PolicyHeader + ",valid_from", ["acme_goods,,Acme goods,,high,2026-01-01"]);

        var result = await Load(child, parent);

        var childFirst = string.CompareOrdinal(childFile, parentFile) < 0;
        // Child first: the child waits and is released once the parent's file is in. Parent first: nothing waits.
        Assert.Equal(childFirst ? 1 : 0, result.RowsReleased);
        Assert.Equal(childFirst ? 1 : 0, result.Files.Single(f => f.Path == child).RowsPending);
        Assert.Equal(3, _store.Count("SELECT count(*) FROM policies WHERE policy_id LIKE 'acme_%'"));
        Assert.Empty(Quarantined("pending"));
        Assert.Empty(Quarantined("rejected"));
        Assert.All(result.Files, f => Assert.Equal(f.RowsRead, f.RowsLoaded + f.RowsQuarantined));
    }

    [Fact]
    public async Task A_waiting_reference_row_corrected_by_a_later_file_is_a_duplicate_when_its_code_arrives()
    {
        const string QueueHeader = "queue_id,market,object_type,sla_hours,name_en,name_zh,valid_from";
        await Load(WriteCsv(_store.File("queues-1.csv"), QueueHeader, ["XA-main,XA,listing,24,Old,,2026-01-01"]));
        // The same queue and valid_from again, now naming a shipped market: it loads and is the newer row.
        await Load(WriteCsv(_store.File("queues-2.csv"), QueueHeader, ["XA-main,ID,listing,12,New,,2026-01-01"]));

        var result = await Load(WriteCsv(_store.File("markets-acme.csv"), "code,name_en,name_zh,region,language,time_zone", ["XA,Acmeland,,ZZR,pt,Europe/Lisbon"]));

        Assert.Equal(0, result.RowsReleased);
        Assert.Equal(["ID", 12.0], _store.Rows("SELECT market, sla_hours FROM queues WHERE queue_id = 'XA-main'").Single());
        Assert.Equal(["queues-1.csv:2:queue_id+valid_from:duplicate_id"], Quarantined("rejected"));
        Assert.Equal(0, _store.Count("SELECT count(*) FROM pending_queues"));
    }

    [Fact]
    public async Task Without_waiting_for_references_a_queue_of_an_unknown_market_is_quarantined_as_contract_check_does()
    {
        var queues = WriteCsv(_store.File("queues-acme.csv"), "queue_id,market,object_type,sla_hours", ["XA-main,XA,listing,24"]);

        var result = await Load(new IngestOptions(WaitForReferences: false), queues);

        Assert.Equal(0, result.Files.Single().RowsPending);
        Assert.Equal(["queues-acme.csv:2:market:unknown_reference"], Quarantined("rejected"));
        Assert.Equal(0, _store.Count("SELECT count(*) FROM pending_queues"));
    }

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
    public async Task Without_waiting_for_reference_rows_a_target_for_an_unknown_region_is_quarantined_naming_the_field()
    {
        var targets = WriteCsv(_store.File("targets-mars.csv"), TargetHeader, ["qa_accuracy,,MARS,,,,0.9,", "qa_accuracy,,SEA,,,,0.95,"]);

        var result = await Load(new IngestOptions(WaitForReferences: false), targets);

        Assert.Equal((1L, 1L, 0L), (result.Files.Single().RowsLoaded, result.Files.Single().RowsQuarantined, result.Files.Single().RowsPending));
        Assert.Equal(["targets-mars.csv:2:region:unknown_reference"], Quarantined("rejected"));
        Assert.Contains("'MARS' is not a known region", (string)_store.Rows("SELECT message FROM quarantine").Single()[0]!, StringComparison.Ordinal);
        Assert.Equal(0, _store.Count("SELECT count(*) FROM pending_targets"));
    }
}
