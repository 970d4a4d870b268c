using ModScope.Sources;

namespace ModScope.Bench;

/// <summary>
/// The bench's decisions as a producer with its own export would send them (<c>ingest --mapping</c>): every column
/// renamed, enums in their own spellings, wall-clock timestamps in a time zone, and two extra columns; with the
/// source mapping that reads them back (<see cref="Mapping"/>). The file is written by <see cref="BenchData"/>'s one
/// generator under the mapping read backwards (<see cref="BenchNaming.Inverse"/>), so it carries the same rows.
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

    /// <summary>The SQL of each extra column's value over the row number <c>i</c> (the mapping gives only their types).</summary>
    private static readonly Dictionary<string, string> ExtraValues = new(StringComparer.Ordinal)
    {
        ["seller_tier"] = "['gold','silver','bronze'][1 + i % 3]",
        ["model_score"] = "round((i % 1000) / 1000.0, 3)",
    };

    /// <summary>The producer's file: <see cref="BenchData"/>'s rows written under <see cref="Mapping"/> read backwards.</summary>
    public static void WriteDecisionsCsv(string path, long rows, SourceMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        BenchData.WriteDecisionsCsv(path, rows, BenchNaming.Inverse(mapping.Tables["decisions"], ExtraValues));
    }
}
