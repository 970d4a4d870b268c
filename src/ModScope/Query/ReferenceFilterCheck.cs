using ModScope.Catalog;
using ModScope.Common;
using ModScope.Model;

namespace ModScope.Query;

/// <summary>
/// Refuses a filter on a dimension backed by reference data (market, region, queue, policy, site) whose value names
/// nothing known, so <c>market=XX</c> says the market is unknown instead of answering an empty result. Ingest admits
/// only rows that reference known ids, so a value missing here matches no stored row. The ids come from
/// engine's <see cref="ReferenceData"/> (the store's own tables on DuckDB), in this one place.
/// </summary>
public static class ReferenceFilterCheck
{
    /// <summary>
    /// Throws <see cref="MetricRequestException"/> naming the first unknown value (with near matches), its
    /// <see cref="MetricRequestException.Reason"/> the dimension, the value and the known values.
    /// </summary>
    public static void Check(IEnumerable<DimensionFilter> filters, MetricCatalog catalog, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var filter in filters)
        {
            var dimension = catalog.Dimensions.FirstOrDefault(d => d.Id == filter.Dimension);
            if (dimension is null || Known(dimension.Column, reference) is not { } known)
            {
                continue;
            }
            foreach (var value in filter.Values.Where(v => !known.Contains(v) && !IsMissing(v)))
            {
                var suggestion = NearMatch.SuggestOrStop(value, known.Order(StringComparer.Ordinal));
                throw new MetricRequestException(
                    $"Unknown {dimension.Id} '{value}' in the filter {filter.Dimension}{(filter.Operator == FilterOperator.NotIn ? "!=" : "=")}{string.Join(',', filter.Values)}{suggestion}")
                {
                    Reason = ProblemReason.Unknown(dimension.Id, value, known.Order(StringComparer.Ordinal)),
                    Parameter = "filter",
                };
            }
        }
    }

    /// <summary>
    /// The label the monitor gives a segment without a value (an automated decision has no site: site=(none)), or an
    /// empty value: no reference row is expected for it. Its drill-downs ask for it, and it matches no stored value.
    /// </summary>
    private static bool IsMissing(string value) => value.Length == 0 || value == "(none)";

    /// <summary>The known values of a reference-backed column path, or null for a column reference data does not list.</summary>
    private static HashSet<string>? Known(string column, ReferenceData reference) => column switch
    {
        "market" => [.. reference.Markets.Select(m => m.Code)],
        "market.region" => [.. reference.Markets.Select(m => m.Region)],
        "queue" => [.. reference.Queues.Select(q => q.QueueId)],
        "policy_id" or "policy_id.parent_id" => [.. reference.Policies.Select(p => p.PolicyId)],
        "site" => [.. reference.Sites.Select(s => s.SiteId)],
        _ => null,
    };
}
