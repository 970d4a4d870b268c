using System.Text;
using ModScope.Ingest;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// Each class of bad input: the bad row is quarantined with its rule, line and field, and every good
/// row of the same file is loaded. Files have a header on line 1, so row i (1-based) is on line i + 1.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    private async Task<IngestResult> Ingest(IngestOptions? options = null, params string[] paths) =>
        await new Ingestor(_store.Store).IngestAsync(paths, options ?? new IngestOptions());

    /// <summary>Writes good rows D1..D5 with <paramref name="bad"/> as the 4th data row (line 5).</summary>
    private string FileWithBadRowOnLine5(string bad, string name = "decisions-test.csv") =>
        WriteCsv(_store.File(name), Header, [Valid(1), Valid(2), Valid(3), bad, Valid(5), Valid(6)]);

    private (long Line, string? Field, string Rule, string Message) SingleQuarantined()
    {
        var rows = _store.Rows("SELECT line, field, rule, message FROM quarantine");
        Assert.Single(rows);
        return ((long)rows[0][0]!, (string?)rows[0][1], (string)rows[0][2]!, (string)rows[0][3]!);
    }

    [Theory]
    [InlineData("created_at", "2026-13-45T10:00:00Z", QuarantineRules.BadTimestamp)]
    [InlineData("created_at", "2026-08-24 10:00:00", QuarantineRules.TimestampWithoutOffset)]
    [InlineData("handling_seconds", "forty", QuarantineRules.BadNumber)]
    [InlineData("version", "1.5", QuarantineRules.BadWholeNumber)]
    [InlineData("verdict", "delete", QuarantineRules.UnknownValue)]
    [InlineData("object_id", "", QuarantineRules.MissingRequired)]
    [InlineData("handling_seconds", "-5", QuarantineRules.BelowMinimum)]
    [InlineData("market", "XX", QuarantineRules.UnknownReference)]
    [InlineData("policy_id", "counterfit", QuarantineRules.UnknownReference)]
    public async Task A_bad_value_is_quarantined_with_rule_line_and_field_and_the_good_rows_load(string field, string value, string rule)
    {
        var file = FileWithBadRowOnLine5(With(4, field, value));

        var result = await Ingest(null, file);

        var (line, quarantinedField, quarantinedRule, message) = SingleQuarantined();
        Assert.Equal(5, line);
        Assert.Equal(field, quarantinedField);
        Assert.Equal(rule, quarantinedRule);
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Equal(5, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(0, _store.Count("SELECT count(*) FROM decisions WHERE decision_id = 'D4'"));
        Assert.Equal(1, result.Files.Single().QuarantinedByRule[rule]);
    }

    [Fact]
    public async Task A_decision_taken_before_it_was_created_is_quarantined_on_decided_at()
    {
        var file = FileWithBadRowOnLine5(With(4, "decided_at", "2026-08-24T09:00:00Z"));

        await Ingest(null, file);

        Assert.Equal((5L, "decided_at", "decided_before_created"), Trim(SingleQuarantined()));
        Assert.Equal(5, _store.Count("SELECT count(*) FROM decisions"));
    }

    [Fact]
    public async Task A_timestamp_without_offset_loads_when_a_time_zone_is_assumed_and_is_stored_in_utc()
    {
        var file = FileWithBadRowOnLine5(With(4, "created_at", "2026-08-24 10:00:00"));

        await Ingest(new IngestOptions(AssumeTimeZone: "Asia/Jakarta"), file);

        Assert.Equal(0, _store.Count("SELECT count(*) FROM quarantine"));
        // 10:00 in Jakarta (UTC+7, no daylight saving) is 03:00 UTC.
        Assert.Equal(1, _store.Count("SELECT count(*) FROM decisions WHERE decision_id = 'D4' AND created_at = TIMESTAMP '2026-08-24 03:00:00'"));
    }

    [Fact]
    public async Task Offsets_are_converted_to_utc()
    {
        var file = WriteCsv(_store.File("decisions-a.csv"), Header, [ValidAutomated(1)]);

        await Ingest(null, file);

        // 01:00:03 at +07:00 is 18:00:03 UTC the day before.
        Assert.Equal(1, _store.Count("SELECT count(*) FROM decisions WHERE decided_at = TIMESTAMP '2026-08-23 18:00:03'"));
    }

    [Fact]
    public async Task A_duplicate_id_within_a_file_keeps_the_first_row_and_quarantines_the_second()
    {
        var file = FileWithBadRowOnLine5(Valid(2));

        await Ingest(null, file);

        var (line, field, rule, message) = SingleQuarantined();
        Assert.Equal((5L, "decision_id", QuarantineRules.DuplicateId), (line, field, rule));
        Assert.Contains("line 3", message, StringComparison.Ordinal);
        Assert.Equal(5, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(3, _store.Count("SELECT line FROM decisions WHERE decision_id = 'D2'"));
    }

    [Fact]
    public async Task A_duplicate_id_across_files_is_quarantined_naming_the_first_file()
    {
        var first = WriteCsv(_store.File("decisions-1.csv"), Header, [Valid(1), Valid(2)]);
        var second = WriteCsv(_store.File("decisions-2.csv"), Header, [Valid(3), Valid(2), Valid(4)]);

        await Ingest(null, first, second);

        var (line, field, rule, message) = SingleQuarantined();
        Assert.Equal((3L, "decision_id", QuarantineRules.DuplicateId), (line, field, rule));
        Assert.Contains("decisions-1.csv", message, StringComparison.Ordinal);
        Assert.Equal(4, _store.Count("SELECT count(*) FROM decisions"));
    }

    [Fact]
    public async Task A_later_file_with_a_newer_version_replaces_the_decision_instead_of_counting_it_twice()
    {
        await Ingest(null, WriteCsv(_store.File("decisions-1.csv"), Header, [Valid(1), Valid(2)]));
        var newer = With(2, "verdict", "approve").Replace(",1\u0000", "", StringComparison.Ordinal);
        newer = newer[..newer.LastIndexOf(',')] + ",2";

        var result = await Ingest(null, WriteCsv(_store.File("decisions-2.csv"), Header, [newer]));

        Assert.Equal(1, result.Files.Single().RowsReplaced);
        Assert.Equal(2, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(1, _store.Count("SELECT count(*) FROM decisions WHERE decision_id = 'D2' AND verdict = 'approve' AND version = 2"));
    }

    [Fact]
    public async Task An_orphan_audit_waits_as_pending_and_attaches_when_its_decision_arrives()
    {
        var audits = WriteCsv(_store.File("qa_audits-1.csv"), AuditHeader, [Audit("A1", "D1"), Audit("A2", "D9")]);
        await Ingest(null, WriteCsv(_store.File("decisions-1.csv"), Header, [Valid(1)]), audits);

        var (line, field, rule, _) = SingleQuarantined();
        Assert.Equal((3L, "decision_id", QuarantineRules.OrphanReference), (line, field, rule));
        Assert.Equal("pending", _store.Rows("SELECT status FROM quarantine").Single()[0]);
        Assert.Equal(1, _store.Count("SELECT count(*) FROM qa_audits"));

        var result = await Ingest(null, WriteCsv(_store.File("decisions-2.csv"), Header, [Valid(9)]));

        Assert.Equal(1, result.RowsReleased);
        Assert.Equal(2, _store.Count("SELECT count(*) FROM qa_audits"));
        Assert.Equal(1, _store.Count("SELECT count(*) FROM qa_audits WHERE audit_id = 'A2' AND line = 3"));
        Assert.Equal("released", _store.Rows("SELECT status FROM quarantine").Single()[0]);
        Assert.Equal(0, _store.Count("SELECT count(*) FROM pending_qa_audits"));
    }

    [Fact]
    public async Task A_truncated_last_line_is_quarantined_and_the_rows_before_it_load()
    {
        var path = _store.File("decisions-trunc.csv");
        File.WriteAllText(path, Header + "\n" + Valid(1) + "\n" + Valid(2) + "\n" + Valid(3) + "\nD4,listing,L4,US,US-prel");

        await Ingest(null, path);

        var (line, _, rule, _) = SingleQuarantined();
        Assert.Equal((5L, QuarantineRules.MissingColumns), (line, rule));
        Assert.Equal(3, _store.Count("SELECT count(*) FROM decisions"));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_quarantined_with_their_line_and_later_lines_keep_their_numbers()
    {
        var path = _store.File("decisions-latin1.csv");
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(Header + "\n" + Valid(1) + "\n"));
        bytes.AddRange(Encoding.Latin1.GetBytes(With(2, "object_id", "Caf\u00e9") + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(Valid(3) + "\n" + With(4, "verdict", "nope") + "\n"));
        File.WriteAllBytes(path, bytes.ToArray());

        await Ingest(null, path);

        var rows = _store.Rows("SELECT line, rule, field FROM quarantine ORDER BY line");
        Assert.Equal(2, rows.Count);
        Assert.Equal((3L, QuarantineRules.InvalidUtf8), ((long)rows[0][0]!, (string)rows[0][1]!));
        // The row after the bad bytes is still reported on its own line (5), not shifted.
        Assert.Equal((5L, QuarantineRules.UnknownValue, "verdict"), ((long)rows[1][0]!, (string)rows[1][1]!, (string?)rows[1][2]));
        Assert.Equal(2, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(4, _store.Count("SELECT line FROM decisions WHERE decision_id = 'D3'"));
    }

    [Fact]
    public async Task An_empty_file_is_reported_in_quarantine_and_loads_nothing()
    {
        var path = _store.File("decisions-empty.csv");
        File.WriteAllBytes(path, []);

        var result = await Ingest(null, path);

        // One entry for the whole file, on no line; no row was read, so none is counted as quarantined.
        var rows = _store.Rows("SELECT line, field, rule FROM quarantine");
        Assert.Equal([null, null, QuarantineRules.EmptyFile], Assert.Single(rows));
        Assert.Equal(FileStatus.Rejected, result.Files.Single().Status);
        Assert.Equal((0L, 0L, 0L), (result.Files.Single().RowsRead, result.Files.Single().RowsLoaded, result.Files.Single().RowsQuarantined));
        Assert.Equal(0, _store.Count("SELECT count(*) FROM decisions"));
    }

    [Fact]
    public async Task A_wrong_header_quarantines_every_row_naming_the_missing_column()
    {
        var path = WriteCsv(_store.File("decisions-hdr.csv"), Header.Replace("market,", "marketplace,", StringComparison.Ordinal),
            [Valid(1), Valid(2), Valid(3)]);

        var result = await Ingest(null, path);

        var rows = _store.Rows("SELECT line, field, rule, message FROM quarantine ORDER BY line");
        Assert.Equal([2L, 3L, 4L], rows.Select(r => (long)r[0]!));
        Assert.All(rows, r => Assert.Equal(QuarantineRules.WrongHeader, r[2]));
        Assert.All(rows, r => Assert.Equal("marketplace", r[1]));
        Assert.Contains("did you mean 'market'", (string)rows[0][3]!, StringComparison.Ordinal);
        Assert.Equal(FileStatus.Rejected, result.Files.Single().Status);
        Assert.Equal(0, _store.Count("SELECT count(*) FROM decisions"));
    }

    [Fact]
    public async Task A_malformed_json_line_is_quarantined_and_the_other_lines_load()
    {
        var path = _store.File("decisions-x.jsonl");
        File.WriteAllText(path,
            "{\"decision_id\":\"D1\",\"object_type\":\"listing\",\"object_id\":\"L1\",\"market\":\"US\",\"queue\":\"US-prelisting\",\"policy_id\":\"counterfeit\",\"detection_source\":\"proactive_model\",\"decided_by\":\"automated\",\"moderator_id\":null,\"site\":null,\"verdict\":\"approve\",\"language\":\"en\",\"created_at\":\"2026-08-24T10:00:00Z\",\"decided_at\":\"2026-08-24T10:00:02Z\",\"handling_seconds\":0}\n" +
            "{\"decision_id\": \"D2\", oops\n" +
            "{\"decision_id\":\"D3\",\"object_type\":\"listing\",\"object_id\":\"L3\",\"market\":\"US\",\"queue\":\"US-prelisting\",\"policy_id\":\"counterfeit\",\"detection_source\":\"proactive_model\",\"decided_by\":\"automated\",\"verdict\":\"approve\",\"language\":\"en\",\"created_at\":\"2026-08-24T10:00:00Z\",\"decided_at\":\"2026-08-24T10:00:02Z\",\"handling_seconds\":0}\n");

        await Ingest(null, path);

        Assert.Equal((2L, null, QuarantineRules.MalformedJson), Trim(SingleQuarantined()));
        Assert.Equal(2, _store.Count("SELECT count(*) FROM decisions"));
        Assert.Equal(3, _store.Count("SELECT line FROM decisions WHERE decision_id = 'D3'"));
    }

    private static (long, string?, string) Trim((long Line, string? Field, string Rule, string Message) q) => (q.Line, q.Field, q.Rule);
}
