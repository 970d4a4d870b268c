using System.Globalization;
using DuckDB.NET.Data;

namespace ModScope.Bench;

/// <summary>
/// Writes a large, valid decisions CSV with DuckDB itself (fast and deterministic), in the exact
/// layout `modscope generate` writes.
/// </summary>
internal static class BenchData
{
    public static void WriteDecisionsCsv(string path, long rows)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var n = rows.ToString(CultureInfo.InvariantCulture);
        command.CommandText = $"""
            COPY (
              SELECT 'D' || lpad(CAST(i AS VARCHAR), 10, '0') AS decision_id,
                     ['listing','product','seller','shop','livestream','short_video','review','ad'][1 + i % 8] AS object_type,
                     'O' || i AS object_id,
                     m AS market,
                     m || '-prelisting' AS queue,
                     ['counterfeit','weapons','false_claims','scams','hate_speech','unsafe_toys'][1 + i % 6] AS policy_id,
                     CASE WHEN i % 10 = 0 THEN 'user_report' ELSE 'proactive_model' END AS detection_source,
                     CASE WHEN i % 5 = 0 THEN 'human' ELSE 'automated' END AS decided_by,
                     CASE WHEN i % 5 = 0 THEN 'AUS-INHOUSE-m' || lpad(CAST(i % 200 AS VARCHAR), 3, '0') END AS moderator_id,
                     CASE WHEN i % 5 = 0 THEN 'AUS-INHOUSE' END AS site,
                     CASE WHEN i % 4 = 0 THEN 'remove' ELSE 'approve' END AS verdict,
                     'en' AS language,
                     strftime(TIMESTAMP '2026-08-24' + to_seconds(i % 7776000), '%Y-%m-%dT%H:%M:%SZ') AS created_at,
                     strftime(TIMESTAMP '2026-08-24' + to_seconds(i % 7776000 + i % 3600), '%Y-%m-%dT%H:%M:%SZ') AS decided_at,
                     CASE WHEN i % 5 = 0 THEN 30 + i % 200 ELSE 0 END AS handling_seconds,
                     1 AS version
              FROM (SELECT i, ['US','ID','GB','TH','VN','BR','DE','JP'][1 + i % 8] AS m FROM range({n}) t(i))
            ) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT csv, HEADER)
            """;
        command.ExecuteNonQuery();
    }
}
