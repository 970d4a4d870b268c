using DuckDB.NET.Data;
using ModScope.Ingest;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>Idempotency, atomicity and strict mode: what a load does to the store as a whole.</summary>
public sealed class LoadSemanticsTests : IDisposable
{
    private static readonly string[] Tables =
        ["decisions", "qa_audits", "appeals", "staffing", "quarantine", "files", "loads", "pending_qa_audits", "pending_appeals", "pending_decisions", "pending_staffing"];

    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    /// <summary>Row count and an order-independent checksum of every row's text, per table.</summary>
    private Dictionary<string, (long Rows, string Checksum)> Snapshot() =>
        Tables.ToDictionary(t => t, t =>
        {
            var row = _store.Rows($"SELECT count(*), coalesce(md5(string_agg(CAST(x AS VARCHAR), '\n' ORDER BY CAST(x AS VARCHAR))), '') FROM {t} x").Single();
            return ((long)row[0]!, (string)row[1]!);
        });

    private string[] TwoGoodFiles() =>
    [
        WriteCsv(_store.File("decisions-1.csv"), Header, Enumerable.Range(1, 20).Select(i => Valid(i))),
        WriteCsv(_store.File("qa_audits-1.csv"), AuditHeader, Enumerable.Range(1, 5).Select(i => Audit($"A{i}", $"D{i}"))),
    ];

    [Fact]
    public async Task Loading_the_same_files_again_changes_nothing()
    {
        var files = TwoGoodFiles();
        await new Ingestor(_store.Store).IngestAsync(files, new IngestOptions());
        var before = Snapshot();

        var again = await new Ingestor(_store.Store).IngestAsync(files, new IngestOptions());

        Assert.All(again.Files, f => Assert.Equal(FileStatus.AlreadyLoaded, f.Status));
        Assert.Null(again.LoadId);
        Assert.Equal(before, Snapshot());
        Assert.Equal(20, before["decisions"].Rows);
        Assert.Equal(5, before["qa_audits"].Rows);
    }

    [Fact]
    public async Task The_same_bytes_under_another_name_are_recognised_by_content_hash()
    {
        var files = TwoGoodFiles();
        await new Ingestor(_store.Store).IngestAsync(files, new IngestOptions());
        var before = Snapshot();
        var copy = _store.File("decisions-copy.csv");
        File.Copy(files[0], copy);

        var result = await new Ingestor(_store.Store).IngestAsync([copy], new IngestOptions());

        Assert.Equal(FileStatus.AlreadyLoaded, result.Files.Single().Status);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_cancelled_load_leaves_the_store_exactly_as_it_was()
    {
        await new Ingestor(_store.Store).IngestAsync(
            [WriteCsv(_store.File("decisions-0.csv"), Header, [Valid(100), Valid(101)])], new IngestOptions());
        var before = Snapshot();
        using var cancellation = new CancellationTokenSource();
        // Cancel as soon as the first file of the second load is in: the rest must not land, nor the first.
        var progress = new SynchronousProgress<IngestProgress>(_ => cancellation.Cancel());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new Ingestor(_store.Store).IngestAsync(TwoGoodFiles(), new IngestOptions(), progress, cancellation.Token));

        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Strict_mode_fails_on_the_first_bad_file_and_writes_nothing()
    {
        var before = Snapshot();
        var good = WriteCsv(_store.File("decisions-1.csv"), Header, [Valid(1), Valid(2)]);
        // (A row naming a market not loaded yet would wait as pending, which strict mode lets through as it does orphans.)
        var bad = WriteCsv(_store.File("decisions-2.csv"), Header, [Valid(3), With(4, "verdict", "nope")]);

        var error = await Assert.ThrowsAsync<IngestException>(() =>
            new Ingestor(_store.Store).IngestAsync([good, bad], new IngestOptions(Strict: true)));

        Assert.Contains("decisions-2.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("verdict", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_missing_file_is_an_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<IngestException>(() =>
            new Ingestor(_store.Store).IngestAsync([_store.File("decisions-nope.csv")], new IngestOptions()));

        Assert.Contains("decisions-nope.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_gzip_csv_and_json_lines_load_the_same_rows()
    {
        var csv = WriteCsv(_store.File("source.csv"), Header, Enumerable.Range(1, 50).Select(i => Valid(i)));
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                $"COPY (SELECT * FROM read_csv('{csv}', all_varchar = true)) TO '{_store.File("decisions-p.parquet")}' (FORMAT parquet);" +
                $"COPY (SELECT * FROM read_csv('{csv}', all_varchar = true)) TO '{_store.File("decisions-g.csv.gz")}' (FORMAT csv, HEADER, COMPRESSION gzip);" +
                $"COPY (SELECT * FROM read_csv('{csv}', all_varchar = true)) TO '{_store.File("decisions-j.jsonl")}' (FORMAT json);";
            command.ExecuteNonQuery();
        }

        foreach (var name in new[] { "decisions-p.parquet", "decisions-g.csv.gz", "decisions-j.jsonl" })
        {
            using var store = new TempStore();
            var result = await new Ingestor(store.Store).IngestAsync([_store.File(name)], new IngestOptions());
            Assert.Equal(50, result.RowsLoaded);
            Assert.Equal(0, result.RowsQuarantined);
            Assert.Equal(Enumerable.Range(1, 50).Sum(i => 40 + i + 0.5), store.Rows("SELECT sum(handling_seconds) FROM decisions").Single()[0]);
        }
    }

    [Fact]
    public async Task Files_read_together_keep_their_own_line_numbers_and_rejects()
    {
        var first = WriteCsv(_store.File("decisions-a.csv"), Header, [Valid(1), With(2, "verdict", "nope"), Valid(3)]);
        var second = _store.File("decisions-b.csv");
        var bytes = new List<byte>(System.Text.Encoding.UTF8.GetBytes(Header + "\n" + Valid(11) + "\n"));
        bytes.AddRange(System.Text.Encoding.Latin1.GetBytes(With(12, "object_id", "Caf\u00e9") + "\n"));
        bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(Valid(13) + "\n" + With(14, "market", "ZZ") + "\n"));
        File.WriteAllBytes(second, bytes.ToArray());

        var result = await new Ingestor(_store.Store).IngestAsync([first, second], new IngestOptions());

        var rows = _store.Rows("SELECT f.name, q.line, q.rule FROM quarantine q JOIN files f USING (file_id) ORDER BY f.name, q.line");
        Assert.Equal(
            [("decisions-a.csv", 3L, QuarantineRules.UnknownValue), ("decisions-b.csv", 3L, QuarantineRules.InvalidUtf8), ("decisions-b.csv", 5L, QuarantineRules.UnknownReference)],
            rows.Select(r => ((string)r[0]!, (long)r[1]!, (string)r[2]!)));
        Assert.Equal(4, _store.Count("SELECT line FROM decisions WHERE decision_id = 'D13'"));
        Assert.Equal(4, _store.Count("SELECT line FROM decisions WHERE decision_id = 'D3'"));
        Assert.Equal([3L, 4L], result.Files.Select(f => f.RowsRead));
        Assert.Equal([2L, 2L], result.Files.Select(f => f.RowsLoaded));
    }

    [Fact]
    public async Task Files_with_columns_in_another_order_load_the_same_values()
    {
        var names = Header.Split(',');
        var reordered = string.Join(',', names.Reverse());
        var first = WriteCsv(_store.File("decisions-a.csv"), Header, [Valid(1)]);
        var second = WriteCsv(_store.File("decisions-b.csv"), reordered, [string.Join(',', Valid(2).Split(',').Reverse())]);

        await new Ingestor(_store.Store).IngestAsync([first, second], new IngestOptions());

        Assert.Equal(0, _store.Count("SELECT count(*) FROM quarantine"));
        Assert.Equal(1, _store.Count("SELECT count(*) FROM decisions WHERE decision_id = 'D2' AND market = 'US' AND handling_seconds = 42.5"));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
