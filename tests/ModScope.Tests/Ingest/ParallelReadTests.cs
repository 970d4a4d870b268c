using System.Text;
using ModScope.Ingest;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// The load numbers rows with a narrow read, then checks and inserts them in a parallel read that takes each
/// row's number by key; failing rows are read a third time only when the count says some did not load. These
/// tests watch which statements ran (each read of a CSV is a statement calling <c>read_csv</c>) and check every
/// line number against the line the test wrote the row on.
/// </summary>
public sealed class ParallelReadTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private async Task<(IngestResult Result, List<string> Statements)> Ingest(params string[] paths)
    {
        var statements = new List<string>();
        var ingestor = new Ingestor(_store.Store) { OnStatement = statements.Add };
        var result = await ingestor.IngestAsync(paths, new IngestOptions());
        return (result, statements);
    }

    private static List<string> Reads(List<string> statements) =>
        statements.Where(s => s.Contains("read_csv(", StringComparison.Ordinal)).ToList();

    private static string Insert(List<string> statements) =>
        Reads(statements).Single(s => s.StartsWith("INSERT INTO \"decisions\"", StringComparison.Ordinal));

    /// <summary>Each stored decision's line, by id.</summary>
    private Dictionary<string, long> StoredLines() =>
        _store.Rows("SELECT decision_id, line FROM decisions").ToDictionary(r => (string)r[0]!, r => (long)r[1]!);

    [Fact]
    public async Task A_file_of_good_rows_is_read_only_to_number_and_to_load_and_keeps_its_lines()
    {
        var path = WriteCsv(_store.File("decisions-clean.csv"), Header, Enumerable.Range(1, 300).Select(i => Valid(i)));

        var (result, statements) = await Ingest(path);

        // Two reads: the narrow numbering read and the parallel load; no read for failing rows.
        Assert.Equal(2, Reads(statements).Count);
        Assert.DoesNotContain("WITH ORDINALITY", Insert(statements), StringComparison.Ordinal);
        Assert.DoesNotContain(statements, s => s.Contains("chk0", StringComparison.Ordinal));
        Assert.Equal(300, result.Files.Single().RowsLoaded);
        Assert.Equal(0, _store.Count("SELECT count(*) FROM quarantine"));
        // D{i} was written on line i + 1 (after the header).
        Assert.Equal(Enumerable.Range(1, 300).ToDictionary(i => $"D{i}", i => (long)i + 1), StoredLines());
    }

    [Fact]
    public async Task Bad_rows_found_by_the_parallel_read_get_their_own_line_field_and_rule()
    {
        // 200 rows; some broken on purpose at known lines (line = position + 2: header first, rows from 0).
        var rows = Enumerable.Range(1, 200).Select(i => Valid(i)).ToList();
        var broken = new Dictionary<int, (string Rule, string? Field, string Row)>
        {
            [10] = (QuarantineRules.UnknownValue, "verdict", With(11, "verdict", "nope")),
            [57] = (QuarantineRules.BadTimestamp, "created_at", With(58, "created_at", "yesterday")),
            [99] = (QuarantineRules.ExtraColumns, null, Valid(100) + ",extra"),
            [150] = ("decided_before_created", "decided_at", With(151, "decided_at", "2026-08-23T00:00:00Z")),
            [199] = (QuarantineRules.MissingRequired, "market", With(200, "market", "")),
        };
        foreach (var (index, bad) in broken)
        {
            rows[index] = bad.Row;
        }
        var path = _store.File("decisions-some-bad.csv");
        var text = new StringBuilder(Header + "\n");
        for (var i = 0; i < rows.Count; i++)
        {
            text.Append(rows[i]).Append('\n');
        }
        // After the rows above (lines 2-201): a line with bytes that are not UTF-8 (202), then one more good row (203).
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text.ToString()));
        bytes.AddRange(Encoding.Latin1.GetBytes(With(201, "object_id", "Caf\u00e9") + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(Valid(202) + "\n"));
        File.WriteAllBytes(path, bytes.ToArray());

        var (result, statements) = await Ingest(path);

        Assert.DoesNotContain("WITH ORDINALITY", Insert(statements), StringComparison.Ordinal);
        Assert.Equal(3, Reads(statements).Count);
        var expected = broken.Select(b => (Line: (long)b.Key + 2, b.Value.Rule))
            .Append((Line: 202L, Rule: QuarantineRules.InvalidUtf8))
            .OrderBy(e => e.Line).ToList();
        var quarantined = _store.Rows("SELECT line, rule FROM quarantine ORDER BY line").Select(r => ((long)r[0]!, (string)r[1]!)).ToList();
        Assert.Equal(expected, quarantined);
        foreach (var (index, bad) in broken.Where(b => b.Value.Field is not null))
        {
            Assert.Equal(bad.Field, _store.Rows($"SELECT field FROM quarantine WHERE line = {index + 2}").Single()[0]);
        }
        // Every good row: D{i} on line i + 1, and D202 on line 203 (after the bad bytes on line 202).
        var good = Enumerable.Range(1, 200).Where(i => !broken.ContainsKey(i - 1)).ToDictionary(i => $"D{i}", i => (long)i + 1);
        good["D202"] = 203;
        Assert.Equal(good, StoredLines());
        Assert.Equal(good.Count, result.Files.Single().RowsLoaded);
        Assert.Equal(expected.Count, result.Files.Single().RowsQuarantined);
    }

    [Fact]
    public async Task A_key_repeated_in_a_file_is_numbered_by_the_wide_read_and_its_first_line_wins()
    {
        var rows = Enumerable.Range(1, 50).Select(i => Valid(i)).ToList();
        rows[39] = Valid(7, version: 2);   // D7 again on line 41 (first on line 8)
        var path = WriteCsv(_store.File("decisions-repeat.csv"), Header, rows);

        var (_, statements) = await Ingest(path);

        Assert.Contains("WITH ORDINALITY", Insert(statements), StringComparison.Ordinal);
        var quarantined = _store.Rows("SELECT line, rule, field FROM quarantine").Single();
        Assert.Equal((41L, QuarantineRules.DuplicateId, "decision_id"), ((long)quarantined[0]!, (string)quarantined[1]!, (string?)quarantined[2]));
        var expected = Enumerable.Range(1, 50).Where(i => i != 40).ToDictionary(i => $"D{i}", i => (long)i + 1);
        Assert.Equal(expected, StoredLines());
        Assert.Equal(1, _store.Count("SELECT version FROM decisions WHERE decision_id = 'D7'"));
    }

    [Fact]
    public async Task Keys_equal_once_trimmed_count_as_repeated()
    {
        var rows = Enumerable.Range(1, 30).Select(i => Valid(i)).ToList();
        rows[24] = With(25, "decision_id", " D3 ");   // D3 again, with spaces, on line 26
        var path = WriteCsv(_store.File("decisions-spaced.csv"), Header, rows);

        await Ingest(path);

        var quarantined = _store.Rows("SELECT line, rule FROM quarantine").Single();
        Assert.Equal((26L, QuarantineRules.DuplicateId), ((long)quarantined[0]!, (string)quarantined[1]!));
        Assert.Equal(4, _store.Count("SELECT line FROM decisions WHERE decision_id = 'D3'"));
        Assert.Equal(29, _store.Count("SELECT count(*) FROM decisions"));
    }

    [Fact]
    public async Task A_key_in_two_files_read_together_keeps_the_earlier_file_row()
    {
        var first = WriteCsv(_store.File("decisions-1.csv"), Header, Enumerable.Range(1, 20).Select(i => Valid(i)));
        var second = WriteCsv(_store.File("decisions-2.csv"), Header, Enumerable.Range(15, 10).Select(i => Valid(i + 100)).Append(Valid(5)));

        var (result, statements) = await Ingest(first, second);

        // Each file alone has unique keys, so the load is numbered by key; D5 repeats across the batch.
        Assert.DoesNotContain("WITH ORDINALITY", Insert(statements), StringComparison.Ordinal);
        var quarantined = _store.Rows("SELECT f.name, q.line, q.rule FROM quarantine q JOIN files f USING (file_id)").Single();
        Assert.Equal(("decisions-2.csv", 12L, QuarantineRules.DuplicateId), ((string)quarantined[0]!, (long)quarantined[1]!, (string)quarantined[2]!));
        Assert.Equal(
            _store.Rows("SELECT line FROM decisions d JOIN files f USING (file_id) WHERE f.name = 'decisions-1.csv' AND decision_id = 'D5'").Single()[0],
            6L);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i + 2),
            _store.Rows("SELECT line FROM decisions d JOIN files f USING (file_id) WHERE f.name = 'decisions-2.csv' ORDER BY line").Select(r => (long)r[0]!));
        Assert.Equal([20L, 10L], result.Files.Select(f => f.RowsLoaded));
    }
}
