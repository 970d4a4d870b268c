using System.Globalization;
using DuckDB.NET.Data;

namespace ModScope.Bench;

/// <summary>
/// Writes a large, valid decisions CSV with DuckDB itself (fast and deterministic): the one generator of the bench's
/// decisions, in our layout (<see cref="BenchNaming.Ours"/>, what `modscope generate` writes) or as a producer's export
/// named by a source mapping read backwards (<see cref="MappedBenchData"/>). Same rows either way.
/// </summary>
internal static class BenchData
{
    public static void WriteDecisionsCsv(string path, long rows) => WriteDecisionsCsv(path, rows, BenchNaming.Ours);

    public static void WriteDecisionsCsv(string path, long rows, BenchNaming naming)
    {
        ArgumentNullException.ThrowIfNull(naming);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var n = rows.ToString(CultureInfo.InvariantCulture);
        string List(string column, params string[] values) => "[" + string.Join(",", values.Select(v => naming.Value(column, v))) + "]";
        string V(string column, string value) => naming.Value(column, value);
        string As(string column) => "AS " + DuckDbQuote(naming.Column(column));
        var extra = string.Concat(naming.Extra.Select(e => $",\n         {e.Sql} AS {DuckDbQuote(e.Name)}"));
        command.CommandText = $"""
            SET TimeZone = 'UTC';
            COPY (
              SELECT 'D' || lpad(CAST(i AS VARCHAR), 10, '0') {As("decision_id")},
                     {List("object_type", "listing", "product", "seller", "shop", "livestream", "short_video", "review", "ad")}[1 + i % 8] {As("object_type")},
                     'O' || i {As("object_id")},
                     m {As("market")},
                     m || '-prelisting' {As("queue")},
                     {List("policy_id", "counterfeit", "weapons", "false_claims", "scams", "hate_speech", "unsafe_toys")}[1 + i % 6] {As("policy_id")},
                     CASE WHEN i % 10 = 0 THEN {V("detection_source", "user_report")} ELSE {V("detection_source", "proactive_model")} END {As("detection_source")},
                     CASE WHEN i % 5 = 0 THEN {V("decided_by", "human")} ELSE {V("decided_by", "automated")} END {As("decided_by")},
                     CASE WHEN i % 5 = 0 THEN 'AUS-INHOUSE-m' || lpad(CAST(i % 200 AS VARCHAR), 3, '0') END {As("moderator_id")},
                     CASE WHEN i % 5 = 0 THEN 'AUS-INHOUSE' END {As("site")},
                     CASE WHEN i % 4 = 0 THEN {V("verdict", "remove")} ELSE {V("verdict", "approve")} END {As("verdict")},
                     'en' {As("language")},
                     {naming.Timestamp("TIMESTAMP '2026-08-24' + to_seconds(i % 7776000)")} {As("created_at")},
                     {naming.Timestamp("TIMESTAMP '2026-08-24' + to_seconds(i % 7776000 + i % 3600)")} {As("decided_at")},
                     CASE WHEN i % 5 = 0 THEN 30 + i % 200 ELSE 0 END {As("handling_seconds")},
                     1 {As("version")}{extra}
              FROM (SELECT i, ['US','ID','GB','TH','VN','BR','DE','JP'][1 + i % 8] AS m FROM range({n}) t(i))
            ) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT csv, HEADER)
            """;
        command.ExecuteNonQuery();
    }

    private static string DuckDbQuote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
