using System.Text;
using DuckDB.NET.Data;
using ModScope.Ingest;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// One bad file is one quarantined file: a file DuckDB cannot read is recorded with its name and reason and the
/// rest of the load goes on (<c>--strict</c> still fails it); implausible and mistyped values get rules of their own.
/// </summary>
public sealed class OddInputTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private Task<IngestResult> Ingest(IngestOptions? options, params string[] paths) =>
        new Ingestor(_store.Store).IngestAsync(paths, options ?? new IngestOptions()).WaitAsync(TimeSpan.FromSeconds(90));

    private string Good() => WriteCsv(_store.File("decisions-good.csv"), Header, [Valid(1), Valid(2)]);

    /// <summary>Writes the rows of <paramref name="csv"/> (header + rows) to <paramref name="name"/> with DuckDB's COPY and the given select.</summary>
    private string Parquet(string name, string csv, string select = "*")
    {
        var path = _store.File(name);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT {select} FROM read_csv('{csv}', all_varchar = true)) TO '{path}' (FORMAT parquet)";
        command.ExecuteNonQuery();
        return path;
    }

    private (string Rule, string Message) FileEntry(string name)
    {
        var rows = _store.Rows($"SELECT q.rule, q.message, q.line FROM quarantine q JOIN files f USING (file_id) WHERE f.name = '{name}'");
        var row = Assert.Single(rows);
        Assert.Null(row[2]);
        return ((string)row[0]!, (string)row[1]!);
    }

    public static TheoryData<string> Unreadable() => ["truncated parquet", "not parquet", "not gzip", "truncated gzip"];

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_file_that_cannot_be_read_is_quarantined_whole_and_the_rest_loads(string kind)
    {
        var rows = Enumerable.Range(10, 3000).Select(i => Valid(i)).ToList();
        var source = WriteCsv(_store.File("source.csv"), Header, rows);
        string bad;
        switch (kind)
        {
            case "truncated parquet":
                var full = File.ReadAllBytes(Parquet("decisions-full.parquet", source));
                File.Delete(_store.File("decisions-full.parquet"));
                bad = _store.File("decisions-bad.parquet");
                File.WriteAllBytes(bad, full[..(full.Length * 2 / 3)]);
                break;
            case "not parquet":
                bad = WriteCsv(_store.File("decisions-bad.parquet"), Header, [Valid(5)]);
                break;
            case "not gzip":
                bad = WriteCsv(_store.File("decisions-bad.csv.gz"), Header, [Valid(5)]);
                break;
            default:
                var gz = _store.File("decisions-whole.csv.gz");
                using (var stream = new System.IO.Compression.GZipStream(File.Create(gz), System.IO.Compression.CompressionLevel.Fastest))
                {
                    stream.Write(File.ReadAllBytes(source));
                }
                bad = _store.File("decisions-bad.csv.gz");
                File.WriteAllBytes(bad, File.ReadAllBytes(gz)[..(int)(new FileInfo(gz).Length / 2)]);
                File.Delete(gz);
                break;
        }
        File.Delete(source);

        var result = await Ingest(null, Good(), bad);

        var file = result.Files.Single(f => f.Name.StartsWith("decisions-bad", StringComparison.Ordinal));
        Assert.Equal(FileStatus.Rejected, file.Status);
        Assert.Equal((0L, 0L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsQuarantined));
        var (rule, message) = FileEntry(file.Name);
        Assert.Equal(QuarantineRules.UnreadableFile, rule);
        Assert.Contains(file.Name, message, StringComparison.Ordinal);
        Assert.Equal(2, _store.Count("SELECT count(*) FROM decisions"));

        using var strict = new TempStore();
        var error = await Assert.ThrowsAsync<IngestException>(() =>
            new Ingestor(strict.Store).IngestAsync([Good(), bad], new IngestOptions(Strict: true)));
        Assert.Contains(file.Name, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, strict.Count("SELECT count(*) FROM files"));
    }

    [Fact]
    public async Task A_parquet_file_missing_an_optional_column_loads_beside_one_that_has_it()
    {
        var source = WriteCsv(_store.File("source.csv"), Header, [Valid(1), Valid(2)]);
        var whole = Parquet("decisions-a.parquet", source);
        var missing = Parquet("decisions-b.parquet", WriteCsv(_store.File("source2.csv"), Header, [Valid(3)]), "* EXCLUDE (version, moderator_id)");

        var result = await Ingest(null, whole, missing);

        Assert.Equal([2L, 0L], result.Files.Select(f => f.RowsLoaded));
        // Without moderator_id, the human decision D3 breaks moderator_missing, on its line, in its own file.
        Assert.Equal("moderator_missing", _store.Rows("SELECT rule FROM quarantine").Single()[0]);
    }

    [Fact]
    public async Task A_header_of_a_hundred_thousand_columns_is_quarantined_quickly_with_its_reason()
    {
        var wide = _store.File("decisions-wide.csv");
        File.WriteAllText(wide, string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"c{i}")) + "\n1,2,3\n");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await Ingest(null, Good(), wide);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}");
        var (rule, message) = FileEntry("decisions-wide.csv");
        Assert.Equal(QuarantineRules.HeaderTooLarge, rule);
        Assert.Contains("header is longer than", message, StringComparison.Ordinal);
        Assert.Equal(2, result.RowsLoaded);

        var many = _store.File("decisions-many.csv");
        File.WriteAllText(many, string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"c{i}")) + "\n1\n");
        await Ingest(null, many);
        Assert.Contains("5,000 columns; at most 1,000", FileEntry("decisions-many.csv").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("2096-08-24T11:00:00Z")]
    [InlineData("1999-12-31T23:59:59Z")]
    public async Task A_timestamp_outside_the_window_is_quarantined(string decidedAt)
    {
        var path = WriteCsv(_store.File("decisions-t.csv"), Header, [Valid(1), With(2, "decided_at", decidedAt), Valid(3)]);

        var result = await Ingest(null, path);

        var row = _store.Rows("SELECT line, field, rule FROM quarantine").Single();
        Assert.Equal([3L, "decided_at", QuarantineRules.TimestampOutOfRange], row);
        Assert.Equal(2, result.RowsLoaded);
    }

    [Fact]
    public async Task The_window_is_configurable()
    {
        var path = WriteCsv(_store.File("decisions-t.csv"), Header, [Valid(1), With(2, "decided_at", "2096-08-24T11:00:00Z")]);
        var latest = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var result = await Ingest(new IngestOptions(Latest: latest), path);

        Assert.Equal(2, result.RowsLoaded);
        var early = WriteCsv(_store.File("decisions-u.csv"), Header, [Valid(3)]);
        await Ingest(new IngestOptions(Earliest: new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc)), early);
        Assert.Equal(QuarantineRules.TimestampOutOfRange, _store.Rows("SELECT rule FROM quarantine").Single()[0]);
    }

    [Theory]
    [InlineData("decision_id", "D\u00004")]
    [InlineData("object_id", "L\t4")]
    [InlineData("moderator_id", "AUS-INHOUSE-m\u0001")]
    [InlineData("object_id", "L4\u007f")]
    public async Task A_control_character_in_an_id_is_quarantined(string field, string value)
    {
        var path = WriteCsv(_store.File("decisions-c.csv"), Header, [Valid(1), With(4, field, value), Valid(3)]);

        await Ingest(null, path);

        Assert.Equal([3L, field, QuarantineRules.ControlCharacter], _store.Rows("SELECT line, field, rule FROM quarantine").Single());
        Assert.Equal(2, _store.Count("SELECT count(*) FROM decisions"));
    }

    [Theory]
    [InlineData("\"decision_id\":{\"a\":1}", "decision_id")]
    [InlineData("\"object_id\":[1,2]", "object_id")]
    [InlineData("\"object_id\":\"L\\u00002\"", "object_id")]
    public async Task A_json_line_with_a_nested_or_control_value_is_quarantined(string replaced, string field)
    {
        static string Line(string id, string objectId) =>
            "{\"decision_id\":" + id + ",\"object_type\":\"listing\",\"object_id\":" + objectId + ",\"market\":\"US\",\"queue\":\"US-prelisting\",\"policy_id\":\"counterfeit\",\"detection_source\":\"proactive_model\",\"decided_by\":\"automated\",\"verdict\":\"approve\",\"language\":\"en\",\"created_at\":\"2026-08-24T10:00:00Z\",\"decided_at\":\"2026-08-24T10:00:02Z\",\"handling_seconds\":0}";
        var bad = Line("\"D2\"", "\"L2\"").Replace(replaced.StartsWith("\"decision_id\"", StringComparison.Ordinal) ? "\"decision_id\":\"D2\"" : "\"object_id\":\"L2\"", replaced, StringComparison.Ordinal);
        var path = _store.File("decisions-n.jsonl");
        File.WriteAllText(path, Line("\"D1\"", "\"L1\"") + "\n" + bad + "\n" + Line("\"D3\"", "\"L3\"") + "\n");

        await Ingest(null, path);

        var row = _store.Rows("SELECT line, field, rule FROM quarantine").Single();
        Assert.Equal(2L, row[0]);
        Assert.Equal(field, row[1]);
        Assert.Equal(replaced.Contains("\\u0000", StringComparison.Ordinal) ? QuarantineRules.ControlCharacter : QuarantineRules.NestedValue, row[2]);
        Assert.Equal(2, _store.Count("SELECT count(*) FROM decisions"));
    }

    [Theory]
    [InlineData("{'v': object_id} AS object_id")]
    [InlineData("[object_id] AS object_id")]
    public async Task A_parquet_struct_or_list_column_is_quarantined_as_nested(string nested)
    {
        var source = WriteCsv(_store.File("source.csv"), Header, [Valid(1), Valid(2)]);
        var path = Parquet("decisions-s.parquet", source, $"* REPLACE ({nested})");

        var result = await Ingest(null, path);

        Assert.Equal(2, _store.Count("SELECT count(*) FROM quarantine WHERE rule = 'nested_value' AND field = 'object_id'"));
        Assert.Equal((2L, 0L, 2L), (result.Files.Single().RowsRead, result.Files.Single().RowsLoaded, result.Files.Single().RowsQuarantined));
    }

    [Fact]
    public async Task A_file_whose_rows_all_repeat_another_in_the_same_load_counts_them_as_quarantined()
    {
        var rows = Enumerable.Range(1, 40).Select(i => Valid(i)).ToList();
        var original = WriteCsv(_store.File("decisions-2026-10-01.csv"), Header, rows);
        // The re-delivery: the same rows in another order, so other bytes. Its name sorts before the original's
        // ('-' < '.'), yet the original is the one kept.
        var redelivery = WriteCsv(_store.File("decisions-2026-10-01-redelivery.csv"), Header, Enumerable.Reverse(rows));

        var result = await Ingest(null, redelivery, original);

        var byName = result.Files.ToDictionary(f => f.Name);
        Assert.Equal((40L, 40L, 0L), (byName["decisions-2026-10-01.csv"].RowsRead, byName["decisions-2026-10-01.csv"].RowsLoaded, byName["decisions-2026-10-01.csv"].RowsQuarantined));
        var again = byName["decisions-2026-10-01-redelivery.csv"];
        Assert.Equal((40L, 0L, 40L), (again.RowsRead, again.RowsLoaded, again.RowsQuarantined));
        Assert.Equal(40, _store.Count("SELECT count(*) FROM decisions d JOIN files f USING (file_id) WHERE f.name = 'decisions-2026-10-01.csv'"));
        Assert.Equal(40, _store.Count("SELECT count(*) FROM quarantine q JOIN files f USING (file_id) WHERE f.name = 'decisions-2026-10-01-redelivery.csv' AND q.rule = 'duplicate_id'"));
        // The stored history adds up: the load's totals are its files' sums and match the tables.
        Assert.Equal([40L, 40L], _store.Rows("SELECT rows_loaded, rows_quarantined FROM loads").Single());
        Assert.Equal(0, _store.Count("SELECT count(*) FROM files WHERE rows_read <> rows_loaded + rows_quarantined"));
    }
}
