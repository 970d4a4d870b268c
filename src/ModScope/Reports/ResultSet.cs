using ModScope.Query;

namespace ModScope.Reports;

/// <summary>
/// The answer to one metric request, with the SQL it compiled to (as <c>query --explain</c> prints it):
/// every number in a report points at the set it came from, so it can be traced.
/// </summary>
public sealed record ResultSet(string Id, MetricRequest Request, string Sql, IReadOnlyList<MetricResult> Rows)
{
    /// <summary>The rows of one metric.</summary>
    public IEnumerable<MetricResult> Of(string metric) => Rows.Where(r => r.Metric == metric);

    /// <summary>The single (total) row of one metric, if any.</summary>
    public MetricResult? Total(string metric) => Rows.FirstOrDefault(r => r.Metric == metric && r.Bucket is null);
}
