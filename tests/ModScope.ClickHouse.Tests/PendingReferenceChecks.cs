using System.Globalization;
using ModScope.Ingest;
using ModScope.Store;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// Reference rows naming a code the cluster does not know (a queue's market, a policy's parent, a target's market or
/// queue) wait on the cluster as on DuckDB and are released by the load that brings the code; two waiting decisions with
/// one id both wait and, released, one attaches and the other is a rejected <c>duplicate_id</c>, as on DuckDB. Loads go
/// through an engine naming one node only (<c>--nodes</c> omitted), so on the two-shard 18.16 cluster the waiting rows
/// and old reference generations on the other node must be found and settled too. Hand-written files; every count below
/// is read off them, and the quarantine is compared with DuckDB's row for row. Run on 18.16 (two shards) and 26.7.
/// </summary>
public abstract class PendingReferenceChecks(ParityDataFixture fixture)
{
    private const string DecisionHeader =
        "decision_id,object_type,object_id,market,queue,policy_id,detection_source,decided_by,moderator_id,site,verdict,language,created_at,decided_at,handling_seconds,version";

    private const string PolicyHeader = "policy_id,parent_id,name_en,name_zh,severity";

    [Fact]
    public async Task Reference_rows_naming_unknown_codes_wait_on_the_cluster_and_are_released_as_on_DuckDB_on_every_node()
    {
        await using var database = await fixture.ScratchDatabaseAsync("waitref");
        var folder = Directory.CreateTempSubdirectory("modscope-ch-waitref-");
        try
        {
            string Csv(string name, string header, params string[] rows)
            {
                var path = Path.Combine(folder.FullName, name);
                File.WriteAllText(path, header + "\n" + string.Concat(rows.Select(r => r + "\n")));
                return path;
            }
            // D1 waits for its market, queue, policy and site; the queue itself waits for the market, the policy for its parent.
            const string d1 = "D1,listing,L1,XA,XA-main,acme_fakes,proactive_model,human,LIS-DELTA-m1,LIS-DELTA,remove,pt,2026-08-24T10:00:00Z,2026-08-24T11:00:00Z,";
            string[][] loads =
            [
                [
                    Csv("queues-acme.csv", "queue_id,market,object_type,sla_hours,name_en,name_zh", "XA-main,XA,listing,24,Acme main,", "ID-extra,ID,listing,12,,"),
                    Csv("policies-acme.csv", PolicyHeader, "acme_fakes,acme_goods,Acme fakes,,high"),
                    Csv("targets-acme.csv", "metric,market,region,site,queue,policy,value,valid_from",
                        "qa_accuracy,XA,,,,,0.95,", "sla_attainment,,,,XA-main,,0.8,", "qa_accuracy,ID,,,,,0.97,"),
                    Csv("decisions-acme.csv", DecisionHeader, d1 + "60,1"),
                    // D1 again from another file, same sorting key: it waits beside the first.
                    Csv("decisions-acme-again.csv", DecisionHeader, d1 + "75,1"),
                ],
                [
                    Csv("markets-acme.csv", "code,name_en,name_zh,region,language,time_zone", "XA,Acmeland,,ZZR,pt,Europe/Lisbon"),
                    Csv("policies-parent.csv", PolicyHeader, "acme_goods,,Acme goods,,high"),
                    Csv("sites-acme.csv", "site_id,name,vendor,city,country,time_zone,cost_currency", "LIS-DELTA,Lisbon (Delta),Delta Vendors,Lisbon,PT,Europe/Lisbon,EUR"),
                ],
            ];
            using var store = ModScopeStore.Open(Path.Combine(folder.FullName, "store.duckdb"));
            // One node named: the others are found from system.clusters.
            var loader = new ClickHouseLoader(database.Final);
            var nodes = database.Merged.Options.Nodes;
            var released = new List<(long Duck, long Click)>();
            foreach (var (files, i) in loads.Select((f, i) => (f, i)))
            {
                var duck = await new Ingestor(store).IngestAsync(files, new IngestOptions());
                var click = await loader.IngestAsync(files, new IngestOptions());
                Assert.Equal(duck.Files.Select(f => (f.Table, f.RowsLoaded, f.RowsPending)), click.Files.Select(f => (f.Table, f.RowsLoaded, f.RowsPending)));
                released.Add((duck.RowsReleased, click.RowsReleased));
                if (i == 0)
                {
                    // Waiting: a queue, a policy, two targets and both D1 rows, none collapsed.
                    Assert.Equal([1L, 1L, 2L, 2L], await PendingAsync(database.Final, " FINAL"));
                    Assert.Equal(6L, await CountAsync(database.Final, "SELECT toInt64(count()) FROM quarantine WHERE status = 'pending'"));
                    // Each node holds some of them (so settling on the named node alone would leave rows behind).
                    foreach (var node in nodes)
                    {
                        Assert.True(await CountAsync(OnNode(database, node), "SELECT toInt64(count()) FROM quarantine_local WHERE status = 'pending'") > 0, $"{node}");
                    }
                }
            }

            // Nothing, then the queue, the policy, both targets and one D1: 5 (the other D1 a duplicate).
            Assert.Equal([(0L, 0L), (5L, 5L)], released);
            var expected = new[]
            {
                "decisions-acme-again.csv:2:rejected:duplicate_id:decision_id",
                "decisions-acme.csv:2:released:unknown_reference:market",
                "policies-acme.csv:2:released:unknown_reference:parent_id",
                "queues-acme.csv:2:released:unknown_reference:market",
                "targets-acme.csv:2:released:unknown_reference:market",
                "targets-acme.csv:3:released:unknown_reference:queue",
            };
            var duckQuarantine = DuckQuarantine(store);
            var clickQuarantine = await ClickQuarantineAsync(database.Merged);
            Assert.Equal(expected, duckQuarantine.Select(r => r.Key));
            Assert.Equal(duckQuarantine, clickQuarantine);
            Assert.EndsWith("(checked when its reference codes arrived)", clickQuarantine[0].Message, StringComparison.Ordinal);

            // The generation that brought the codes holds the released rows; the first D1 (60 s) attached.
            foreach (var mode in database.Modes)
            {
                using var engine = new ClickHouseEngine(mode.Options);
                var reference = engine.Reference;
                Assert.Equal(["XA", "ID"], reference.Queues.Where(q => q.QueueId is "XA-main" or "ID-extra").OrderByDescending(q => q.QueueId).Select(q => q.Market));
                Assert.Equal("acme_goods", reference.Policies.Single(p => p.PolicyId == "acme_fakes").ParentId);
                Assert.Equal([("", "XA-main", 0.8), ("ID", "", 0.97), ("XA", "", 0.95)],
                    reference.Targets.Where(t => t.Value is 0.8 or 0.97 or 0.95).Select(t => (t.Market, t.Queue, t.Value)).OrderBy(t => t.Market, StringComparer.Ordinal));
                Assert.Equal(60.0, Convert.ToDouble((await mode.QueryAsync("SELECT handling_seconds FROM decisions WHERE decision_id = 'D1'",
                    new Dictionary<string, object?>())).Single()[0], CultureInfo.InvariantCulture));
            }
            // On every node: nothing waits, nothing pending in quarantine, one reference generation per table.
            foreach (var node in nodes)
            {
                var local = OnNode(database, node);
                Assert.Equal([0L, 0L, 0L, 0L], await PendingAsync(local, "_local"));
                Assert.Equal(0L, await CountAsync(local, "SELECT toInt64(count()) FROM quarantine_local WHERE status = 'pending'"));
                foreach (var table in ModScope.Model.ReferenceSchema.Loadable)
                {
                    Assert.True(await CountAsync(local, $"SELECT toInt64(uniqExact(__rank)) FROM {table.Name}_local") <= 1, $"{node} {table.Name}");
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // One node's own tables, through an engine naming that node.
    private static ClickHouseEngine OnNode(ScratchDatabase database, Uri node) => new(database.Final.Options with { Url = node, Nodes = [node] });

    // Rows in pending_policies, pending_queues, pending_targets and pending_decisions (each table name followed by suffix).
    private static async Task<List<long>> PendingAsync(ClickHouseEngine engine, string suffix)
    {
        var counts = new List<long>();
        foreach (var table in new[] { "policies", "queues", "targets", "decisions" })
        {
            counts.Add(await CountAsync(engine, $"SELECT toInt64(count()) FROM pending_{table}{suffix}"));
        }
        return counts;
    }

    private static async Task<long> CountAsync(ClickHouseEngine engine, string sql) =>
        Convert.ToInt64((await engine.QueryAsync(sql, new Dictionary<string, object?>()))[0][0], CultureInfo.InvariantCulture);

    private static async Task<List<(string Key, string Message)>> ClickQuarantineAsync(ClickHouseEngine engine)
    {
        var names = (await engine.QueryAsync("SELECT file_id, name FROM files", new Dictionary<string, object?>()))
            .ToDictionary(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture), r => (string)r[1]!);
        var rows = await engine.QueryAsync("SELECT file_id, line, status, rule, field, message FROM quarantine", new Dictionary<string, object?>());
        return Ordered(rows.Select(r => ($"{names[Convert.ToInt64(r[0], CultureInfo.InvariantCulture)]}:{r[1]}:{r[2]}:{r[3]}:{r[4]}", (string)r[5]!)));
    }

    private static List<(string Key, string Message)> DuckQuarantine(ModScopeStore store)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT f.name, q.line, q.status, q.rule, q.field, q.message FROM quarantine q JOIN files f USING (file_id)";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read())
        {
            rows.Add(($"{reader.GetString(0)}:{reader.GetInt64(1)}:{reader.GetString(2)}:{reader.GetString(3)}:{reader.GetString(4)}", reader.GetString(5)));
        }
        return Ordered(rows);
    }

    private static List<(string Key, string Message)> Ordered(IEnumerable<(string Key, string Message)> rows) =>
        rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
}
