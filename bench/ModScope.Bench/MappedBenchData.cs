using System.Globalization;
using DuckDB.NET.Data;

namespace ModScope.Bench;

/// <summary>
/// The bench's decisions as a producer with its own export would send them (<c>ingest --mapping</c>): every column
/// renamed, enums in their own spellings, wall-clock timestamps in a time zone, and two extra columns; with the
/// source mapping that reads them back (<see cref="Mapping"/>). Same rows as <see cref="BenchData"/>.
/// </summary>
internal static class MappedBenchData
{
    /// <summary>The source mapping of the producer's file (catalog/sources.yaml's format).</summary>
    public const string Mapping = """
        decisions:
          columns:
            decision_id: ticket_ref
            object_type: item_kind
            object_id: item_ref
            market: country
            queue: review_lane
            policy_id: rule_code
            detection_source: origin
            decided_by: actor_type
            moderator_id: agent
            site: hub
            verdict: outcome
            language: lang
            created_at: opened
            decided_at: decision_time
            handling_seconds: work_secs
            version: revision
          values:
            object_type: {LISTING: listing, PRODUCT: product, SELLER: seller, SHOP: shop, LIVESTREAM: livestream, SHORT_VIDEO: short_video, REVIEW: review, AD: ad}
            detection_source: {MODEL: proactive_model, REPORT: user_report}
            decided_by: {AUTO: automated, HUMAN: human}
            verdict: {Approved: approve, Removed: remove}
          timestamp:
            formats: ['%Y-%m-%d %H:%M:%S']
            time_zone: Asia/Jakarta
          extra:
            seller_tier: string
            model_score: number
        """;

    public static void WriteDecisionsCsv(string path, long rows)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var n = rows.ToString(CultureInfo.InvariantCulture);
        // Wall-clock times in Jakarta (UTC+7, no daylight saving): the UTC instants of BenchData plus seven hours.
        command.CommandText = $"""
            COPY (
              SELECT 'D' || lpad(CAST(i AS VARCHAR), 10, '0') AS ticket_ref,
                     ['LISTING','PRODUCT','SELLER','SHOP','LIVESTREAM','SHORT_VIDEO','REVIEW','AD'][1 + i % 8] AS item_kind,
                     'O' || i AS item_ref,
                     m AS country,
                     m || '-prelisting' AS review_lane,
                     ['counterfeit','weapons','false_claims','scams','hate_speech','unsafe_toys'][1 + i % 6] AS rule_code,
                     CASE WHEN i % 10 = 0 THEN 'REPORT' ELSE 'MODEL' END AS origin,
                     CASE WHEN i % 5 = 0 THEN 'HUMAN' ELSE 'AUTO' END AS actor_type,
                     CASE WHEN i % 5 = 0 THEN 'AUS-INHOUSE-m' || lpad(CAST(i % 200 AS VARCHAR), 3, '0') END AS agent,
                     CASE WHEN i % 5 = 0 THEN 'AUS-INHOUSE' END AS hub,
                     CASE WHEN i % 4 = 0 THEN 'Removed' ELSE 'Approved' END AS outcome,
                     'en' AS lang,
                     strftime(TIMESTAMP '2026-08-24 07:00:00' + to_seconds(i % 7776000), '%Y-%m-%d %H:%M:%S') AS opened,
                     strftime(TIMESTAMP '2026-08-24 07:00:00' + to_seconds(i % 7776000 + i % 3600), '%Y-%m-%d %H:%M:%S') AS decision_time,
                     CASE WHEN i % 5 = 0 THEN 30 + i % 200 ELSE 0 END AS work_secs,
                     1 AS revision,
                     ['gold','silver','bronze'][1 + i % 3] AS seller_tier,
                     round((i % 1000) / 1000.0, 3) AS model_score
              FROM (SELECT i, ['US','ID','GB','TH','VN','BR','DE','JP'][1 + i % 8] AS m FROM range({n}) t(i))
            ) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT csv, HEADER)
            """;
        command.ExecuteNonQuery();
    }
}
