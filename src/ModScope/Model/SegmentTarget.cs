namespace ModScope.Model;

/// <summary>
/// A metric's target for a segment (targets*.csv), as valid from <see cref="ValidFrom"/>: an empty segment column
/// (<c>""</c>) matches any value, so a row naming only <see cref="Metric"/> is the organisation's target and one naming
/// a market is that market's. <c>Query.SegmentTargets</c> chooses the most specific row that applies.
/// </summary>
public sealed record SegmentTarget(string Metric, string Market, string Region, string Site, string Queue, string Policy, double Value, DateOnly ValidFrom)
{
    /// <summary>The segment columns a target row may name, with the dimension each one matches.</summary>
    public static readonly IReadOnlyList<string> SegmentColumns = ["queue", "site", "policy", "market", "region"];

    /// <summary>The value this row names for a segment column (<c>""</c>: any).</summary>
    public string Of(string column) => column switch
    {
        "market" => Market,
        "region" => Region,
        "site" => Site,
        "queue" => Queue,
        "policy" => Policy,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "A target names market, region, site, queue or policy."),
    };
}
