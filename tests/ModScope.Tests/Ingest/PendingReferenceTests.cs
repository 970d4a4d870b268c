using ModScope.Ingest;
using ModScope.Monitor.Health;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// A decision or staffing row naming a market, queue, policy or site that is not in the reference data yet waits as
/// pending (as an audit waits for its decision) and attaches when a later load brings the code; a row that is also
/// malformed is rejected for that.
/// </summary>
public sealed class PendingReferenceTests : IDisposable
{
    private const string StaffingHeader = "date,site,market,moderator_id,scheduled_hours,productive_hours,hourly_cost";

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    /// <summary>A human decision of Acme's own market XA, queue XA-main and site LIS-DELTA (none of them shipped).</summary>
    private static string Acme(int n, string handling = "60") =>
        $"D{n},listing,L{n},XA,XA-main,counterfeit,proactive_model,human,LIS-DELTA-m1,LIS-DELTA,remove,pt,2026-08-24T10:00:00Z,2026-08-24T11:00:00Z,{handling},1";

    private string[] AcmeReference() =>
    [
        WriteCsv(_store.File("markets-acme.csv"), "code,name_en,name_zh,region,language,time_zone", ["XA,Acmeland,阿克米,ZZR,pt,Europe/Lisbon"]),
        WriteCsv(_store.File("queues-acme.csv"), "queue_id,market,object_type,sla_hours,name_en,name_zh", ["XA-main,XA,listing,24,Acme main,Acme 主队列"]),
        WriteCsv(_store.File("sites-acme.csv"), "site_id,name,vendor,city,country,time_zone,cost_currency",
            ["LIS-DELTA,Lisbon (Delta),Delta Vendors,Lisbon,PT,Europe/Lisbon,EUR"]),
    ];

    private Task<IngestResult> Load(params string[] files) => new Ingestor(_store.Store).IngestAsync(files, new IngestOptions());

    [Fact]
    public async Task Rows_naming_codes_not_loaded_yet_wait_and_attach_when_the_reference_files_arrive()
    {
        var decisions = WriteCsv(_store.File("decisions-acme.csv"), Header, [Acme(1), Acme(2), Acme(3), Valid(4)]);
        var audits = WriteCsv(_store.File("qa_audits-acme.csv"), AuditHeader, [Audit("A1", "D1")]);
        var staffing = WriteCsv(_store.File("staffing-acme.csv"), StaffingHeader, ["2026-08-24,LIS-DELTA,XA,LIS-DELTA-m1,8,7,12.5"]);

        var first = await Load(decisions, audits, staffing);

        // Three Acme decisions and the staffing row wait for their codes; the audit waits for D1; the shipped D4 loads.
        Assert.Equal([3L, 1L, 1L], first.Files.Select(f => f.RowsPending));
        Assert.Equal([1L, 0L, 0L], first.Files.Select(f => f.RowsLoaded));
        Assert.Equal(0, first.Files.Sum(f => f.RowsQuarantined - f.RowsPending));
        Assert.Equal(0, _store.Count("SELECT count(*) FROM quarantine WHERE status = 'rejected'"));
        Assert.Equal(3, _store.Count("SELECT count(*) FROM pending_decisions"));
        // Each waiting row names the first code it waits for (the market) in the store's quarantine bookkeeping.
        Assert.Equal(4, _store.Count("SELECT count(*) FROM quarantine WHERE status = 'pending' AND rule = 'unknown_reference' AND field = 'market' AND message LIKE '%waits (pending)%'"));
        var waiting = new StoreHealth(_store.Store).Pending();
        Assert.Equal([("decisions", "unknown_reference", 3L), ("qa_audits", "orphan_reference", 1L), ("staffing", "unknown_reference", 1L)],
            waiting.Select(w => (w.Table, w.Rule, w.Rows)).OrderBy(w => w.Table, StringComparer.Ordinal));
        Assert.Empty(new StoreHealth(_store.Store).Quarantine());

        var second = await Load(AcmeReference());

        // 3 decisions + 1 staffing row + the audit whose decision attached in the same load.
        Assert.Equal(5, second.RowsReleased);
        Assert.Equal(4, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(1, _store.Count("SELECT count(*) FROM qa_audits WHERE decision_id = 'D1'"));
        Assert.Equal(1, _store.Count("SELECT count(*) FROM staffing WHERE site = 'LIS-DELTA'"));
        Assert.Equal(0, _store.Count("SELECT (SELECT count(*) FROM pending_decisions) + (SELECT count(*) FROM pending_staffing) + (SELECT count(*) FROM pending_qa_audits)"));
        Assert.Equal(5, _store.Count("SELECT count(*) FROM quarantine WHERE status = 'released'"));
        Assert.Empty(new StoreHealth(_store.Store).Pending());
        // A released decision keeps the file and line it came from.
        Assert.Equal(3, _store.Count("SELECT line FROM decisions WHERE decision_id = 'D2'"));
    }

    [Fact]
    public async Task A_row_that_is_also_malformed_is_rejected_for_that_and_does_not_wait()
    {
        var decisions = WriteCsv(_store.File("decisions-acme.csv"), Header, [Acme(1), Acme(2, handling: "forty")]);

        var result = await Load(decisions);

        var file = Assert.Single(result.Files);
        Assert.Equal(1, file.RowsPending);
        Assert.Equal(1, file.QuarantinedByRule[QuarantineRules.BadNumber]);
        Assert.Equal(1, _store.Count("SELECT count(*) FROM quarantine WHERE status = 'rejected' AND line = 3 AND field = 'handling_seconds'"));
    }

    [Fact]
    public async Task A_waiting_row_whose_key_was_loaded_meanwhile_is_a_duplicate_when_its_codes_arrive()
    {
        await Load(WriteCsv(_store.File("decisions-acme.csv"), Header, [Acme(1)]));
        // D1 arrives again, at the same version, naming shipped codes: it loads; the waiting D1 is now a repeat.
        await Load(WriteCsv(_store.File("decisions-us.csv"), Header, [Valid(1)]));

        var result = await Load(AcmeReference());

        Assert.Equal(0, result.RowsReleased);
        Assert.Equal("US", _store.Rows("SELECT market FROM decisions WHERE decision_id = 'D1'").Single()[0]);
        Assert.Equal(1, _store.Count("SELECT count(*) FROM quarantine WHERE status = 'rejected' AND rule = 'duplicate_id' AND field = 'decision_id'"));
        Assert.Equal(0, _store.Count("SELECT count(*) FROM pending_decisions"));
    }

    [Fact]
    public async Task A_waiting_row_of_a_higher_version_replaces_the_stored_one_when_its_codes_arrive()
    {
        await Load(WriteCsv(_store.File("decisions-us.csv"), Header, [Valid(1)]));
        await Load(WriteCsv(_store.File("decisions-acme.csv"), Header, [Acme(1).Replace("60,1", "60,2", StringComparison.Ordinal)]));

        var result = await Load(AcmeReference());

        Assert.Equal(1, result.RowsReleased);
        Assert.Equal(("XA", 2L), _store.Rows("SELECT market, version FROM decisions").Select(r => ((string)r[0]!, (long)r[1]!)).Single());
    }
}
