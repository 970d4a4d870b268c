using ModScope.Ingest;
using ModScope.Query;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// Loading into a ClickHouse server: a file loaded twice changes nothing, a re-delivered row counts once, a higher
/// version replaces a decision and an audit loaded before its decision joins when it comes, as in the DuckDB store.
/// Run on 18.16 (<see cref="LoadTests"/>) and on a current release (<see cref="ModernLoadTests"/>).
/// </summary>
public abstract class LoadChecks(IParityData fixture)
{
    private static readonly Period All = new(new DateTime(2026, 8, 1), new DateTime(2026, 10, 1), "UTC", "all");

    [Fact]
    public async Task Loading_the_same_files_again_changes_nothing()
    {
        var before = await Volumes();

        var again = await fixture.LoadAsync(fixture.Data);

        Assert.All(again.Files, f => Assert.Equal(FileStatus.AlreadyLoaded, f.Status));
        Assert.Equal(0, again.RowsLoaded);
        Assert.Equal(before, await Volumes());
    }

    [Fact]
    public async Task A_redelivered_decision_or_audit_counts_once_as_in_DuckDB()
    {
        var folder = Path.Combine(fixture.Folder, "redelivered");
        Directory.CreateDirectory(folder);
        // The same rows again, in files with other names and bytes (a subset of a day), so the file check lets them through.
        foreach (var table in new[] { "decisions", "qa_audits" })
        {
            var source = Directory.GetFiles(fixture.Data, $"{table}-*.csv").OrderByDescending(f => new FileInfo(f).Length).First();
            File.WriteAllLines(Path.Combine(folder, $"{table}-redelivered.csv"), File.ReadLines(source).Take(41));
        }
        var before = await Volumes();

        var duck = await new Ingestor(fixture.Store).IngestAsync([folder], new IngestOptions());
        await fixture.LoadAsync(folder);

        Assert.Equal(80, duck.RowsQuarantined); // DuckDB refuses all 40 + 40 as duplicates
        Assert.Equal(before, await Volumes());
        var request = new MetricRequest(["decision_volume", "qa_audit_volume", "qa_accuracy"], ["market"], TimeGrain.Day, [], All);
        foreach (var engine in fixture.ClickHouseModes)
        {
            ResultComparer.AssertSame(fixture.Catalog, await fixture.Query(fixture.DuckDb).RunAsync(request),
                await fixture.Query(engine).RunAsync(request), $"after redelivery on {engine.Dialect.Name}");
        }
    }

    [Fact]
    public async Task A_higher_version_replaces_the_decision_as_in_DuckDB()
    {
        var folder = Path.Combine(fixture.Folder, "versions");
        Directory.CreateDirectory(folder);
        var source = Directory.GetFiles(fixture.Data, "decisions-*.csv").Order().Skip(3).First();
        var lines = File.ReadLines(source).Take(2).ToList();
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        var (verdict, version) = (Array.IndexOf(header, "verdict"), Array.IndexOf(header, "version"));
        var newVerdict = row[verdict] == "approve" ? "remove" : "approve";
        row[verdict] = newVerdict;
        row[version] = "2";
        File.WriteAllLines(Path.Combine(folder, "decisions-v2.csv"), [lines[0], string.Join(',', row)]);
        var before = await Volumes();

        var duck = await new Ingestor(fixture.Store).IngestAsync([folder], new IngestOptions());
        await fixture.LoadAsync(folder);

        Assert.Equal(1, duck.Files.Single().RowsReplaced);
        Assert.Equal(before, await Volumes());
        var stored = await fixture.ClickHouse.QueryAsync("SELECT verdict FROM decisions FINAL WHERE decision_id = {p0}",
            new Dictionary<string, object?> { ["p0"] = row[0] });
        Assert.Equal(newVerdict, Assert.Single(stored)[0]);
        // The load merged the partition on both nodes: without FINAL, the old version is gone too.
        var unmerged = await fixture.ClickHouseMerged.QueryAsync("SELECT verdict FROM decisions WHERE decision_id = {p0}",
            new Dictionary<string, object?> { ["p0"] = row[0] });
        Assert.Equal(newVerdict, Assert.Single(unmerged)[0]);
        var request = new MetricRequest(["enforcement_rate", "decision_volume"], ["market"], TimeGrain.None, [], All);
        foreach (var engine in fixture.ClickHouseModes)
        {
            ResultComparer.AssertSame(fixture.Catalog, await fixture.Query(fixture.DuckDb).RunAsync(request),
                await fixture.Query(engine).RunAsync(request), $"after a new version on {engine.Dialect.Name}");
        }
    }

    [Fact]
    public async Task An_audit_loaded_before_its_decision_joins_when_a_later_load_brings_it()
    {
        var decisionFile = Directory.GetFiles(fixture.Data, "decisions-*.csv").Order().Skip(5).First();
        var auditFile = Directory.GetFiles(fixture.Data, "qa_audits-*.csv").OrderByDescending(f => new FileInfo(f).Length).First();
        var decision = File.ReadLines(decisionFile).Take(2).ToList();
        var audit = File.ReadLines(auditFile).Take(2).ToList();
        var decisionRow = decision[1].Split(',');
        var auditRow = audit[1].Split(',');
        decisionRow[0] = "D-LATE-000001";
        (auditRow[0], auditRow[1]) = ("A-LATE-000001", "D-LATE-000001");
        var (early, late) = (Path.Combine(fixture.Folder, "early-audit"), Path.Combine(fixture.Folder, "late-decision"));
        Directory.CreateDirectory(early);
        Directory.CreateDirectory(late);
        File.WriteAllLines(Path.Combine(early, "qa_audits-early.csv"), [audit[0], string.Join(',', auditRow)]);
        File.WriteAllLines(Path.Combine(late, "decisions-late.csv"), [decision[0], string.Join(',', decisionRow)]);
        var (decisions, audits) = await Volumes();

        var parked = await new Ingestor(fixture.Store).IngestAsync([early], new IngestOptions());
        var parkedInClickHouse = await fixture.LoadAsync(early);
        Assert.Equal((decisions, audits), await Volumes());
        // Waiting a month, the parked audit is an orphan of its file on every engine.
        Assert.All(await OrphanFilesAsync(), files => Assert.Contains("file = qa_audits-early.csv", files));
        await new Ingestor(fixture.Store).IngestAsync([late], new IngestOptions());
        var releasing = await fixture.LoadAsync(late);
        // Released, it waits no more (ClickHouse keeps the pending row, but its audit is now stored).
        Assert.All(await OrphanFilesAsync(), files => Assert.DoesNotContain("file = qa_audits-early.csv", files));

        Assert.Equal(1, parked.Files.Single().RowsPending);
        Assert.Equal(1, parkedInClickHouse.Files.Single().RowsPending);
        Assert.Equal(1, releasing.RowsReleased);
        Assert.Equal((decisions + 1, audits + 1), await Volumes());
    }

    [Fact]
    public async Task Odd_names_implausible_values_and_an_unreadable_file_get_the_same_rules_as_in_DuckDB()
    {
        var folder = Path.Combine(fixture.Folder, "odd");
        Directory.CreateDirectory(folder);
        var source = Directory.GetFiles(fixture.Data, "decisions-*.csv").Order().Skip(7).First();
        var lines = File.ReadLines(source).Take(2).ToList();
        var header = lines[0].Split(',');
        string Row(string id, string field, string value)
        {
            var row = lines[1].Split(',');
            row[0] = id;
            row[Array.IndexOf(header, field)] = value;
            return string.Join(',', row);
        }
        // A name DuckDB would read as a pattern (it matches no other file here, but it must be read literally).
        File.WriteAllLines(Path.Combine(folder, "decisions-[odd]*?.csv"), [lines[0],
            Row("D-ODD-1", "decided_at", "9999-12-31T23:59:59Z"), Row("D-ODD-2", "object_id", "O\u0001X"), Row("D-ODD-3", "verdict", lines[1].Split(',')[Array.IndexOf(header, "verdict")])]);
        File.WriteAllText(Path.Combine(folder, "decisions-odd.csv.gz"), "not gzip");

        var duck = await new Ingestor(fixture.Store).IngestAsync([folder], new IngestOptions());
        var clickHouse = await fixture.LoadAsync(folder);

        Assert.Equal(duck.Files.Select(f => (f.Name, f.Status, f.RowsRead, f.RowsLoaded, f.RowsQuarantined)),
            clickHouse.Files.Select(f => (f.Name, f.Status, f.RowsRead, f.RowsLoaded, f.RowsQuarantined)));
        Assert.Equal(1, clickHouse.RowsLoaded);
        // A file's record and its quarantine rows may sit on different shards: GLOBAL IN.
        var rules = await fixture.ClickHouse.QueryAsync(
            "SELECT rule FROM quarantine WHERE file_id GLOBAL IN (SELECT file_id FROM files WHERE name IN ('decisions-[odd]*?.csv', 'decisions-odd.csv.gz')) ORDER BY rule",
            new Dictionary<string, object?>());
        Assert.Equal([QuarantineRules.ControlCharacter, QuarantineRules.TimestampOutOfRange, QuarantineRules.UnreadableFile], rules.Select(r => (string)r[0]!));
    }

    /// <summary>The orphan findings' segments a month after the data, on DuckDB and on both ClickHouse read modes.</summary>
    private async Task<List<List<string>>> OrphanFilesAsync()
    {
        var asOf = new DateOnly(2026, 9, 6).AddDays(30);
        var lists = new List<List<string>>();
        foreach (var engine in new Query.IMetricEngine[] { fixture.DuckDb, fixture.ClickHouse, fixture.ClickHouseMerged })
        {
            var findings = await Monitor.Quality.DataQualityChecks.RunAsync(engine, asOf, new Monitor.Quality.QualitySettings(), null, CancellationToken.None);
            lists.Add(findings.Where(f => f.Check == Monitor.Quality.QualityCheckKind.Orphans).Select(f => f.Segment).ToList());
        }
        return lists;
    }

    /// <summary>Decisions and audits counted by DuckDB and by both ClickHouse read modes (which must agree).</summary>
    private async Task<(double?, double?)> Volumes()
    {
        var request = new MetricRequest(["decision_volume", "qa_audit_volume"], [], TimeGrain.None, [], All);
        var counts = new List<(double?, double?)>();
        foreach (var engine in new Query.IMetricEngine[] { fixture.DuckDb, fixture.ClickHouse, fixture.ClickHouseMerged })
        {
            var results = await fixture.Query(engine).RunAsync(request);
            counts.Add((results.Single(r => r.Metric == "decision_volume").Value, results.Single(r => r.Metric == "qa_audit_volume").Value));
        }
        Assert.All(counts, c => Assert.Equal(counts[0], c));
        return counts[0];
    }
}
