using ModScope.Catalog;
using ModScope.Common;
using ModScope.Model;

namespace ModScope.Query;

/// <summary>
/// Turns a request's <see cref="AccessScope"/> into mandatory filters, in this one place before planning, so every
/// consumer of the door obeys it on every engine: the markets of the scope's regions (each market's region as its
/// newest reference row has it) and markets become <c>market IN (…)</c>, its sites and the sites of its vendors
/// <c>site IN (…)</c>. They are added to the request's own filters (filters combine with AND, so the answer is the
/// intersection). A scope that names nothing known keeps no row (fail closed). The reference data the request's own
/// filters are checked against is narrowed to the scope, so a value outside it is as unknown to the caller as a
/// misspelt one (<c>market=GB</c> for a SEA scope is refused, not answered empty) and an error's near matches never
/// name what the caller may not see.
/// </summary>
public static class ScopeFilters
{
    /// <summary>The request with the scope's filters (and <see cref="AccessScope.Everything"/> as its scope), and the reference data it may name.</summary>
    public static (MetricRequest Request, ReferenceData? Visible) Apply(MetricRequest request, MetricCatalog catalog, ReferenceData? reference)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        var scope = request.Scope;
        if (!scope.IsLimited)
        {
            return (request, reference);
        }
        var known = reference ?? throw new ArgumentNullException(nameof(reference), "A scoped request needs the engine's reference data.");
        var markets = Markets(scope, known);
        var sites = Sites(scope, known);
        var filters = request.Filters.ToList();
        if (scope.LimitsMarkets)
        {
            filters.Add(Mandatory(catalog, request, "market", markets));
        }
        if (scope.LimitsSites)
        {
            filters.Add(Mandatory(catalog, request, "site", sites));
        }
        return (request with { Filters = filters, Scope = AccessScope.Everything }, Visible(scope, known));
    }

    /// <summary>The reference rows a scope may see: its markets, their queues, its sites (all policies).</summary>
    public static ReferenceData Visible(AccessScope scope, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(reference);
        if (!scope.IsLimited)
        {
            return reference;
        }
        var markets = Markets(scope, reference);
        var sites = Sites(scope, reference);
        return new ReferenceData(
            [.. reference.Markets.Where(m => markets is null || markets.Contains(m.Code))],
            reference.Policies,
            [.. reference.Queues.Where(q => markets is null || markets.Contains(q.Market))],
            [.. reference.Sites.Where(s => sites is null || sites.Contains(s.SiteId))])
        {
            RegionNames = [.. reference.RegionNames.Where(r => markets is null || reference.Markets.Any(m => m.Region == r.Code && markets.Contains(m.Code)))],
        };
    }

    /// <summary>The market codes the scope allows, or null when it does not limit markets.</summary>
    public static HashSet<string>? Markets(AccessScope scope, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(reference);
        if (!scope.LimitsMarkets)
        {
            return null;
        }
        var regions = reference.RegionByMarket();
        return [.. regions.Where(r => scope.Markets.Contains(r.Key) || scope.Regions.Contains(r.Value)).Select(r => r.Key)];
    }

    /// <summary>The site ids the scope allows, or null when it does not limit sites.</summary>
    public static HashSet<string>? Sites(AccessScope scope, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(reference);
        if (!scope.LimitsSites)
        {
            return null;
        }
        var vendors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var site in reference.Sites.OrderBy(s => s.ValidFrom))
        {
            vendors[site.SiteId] = site.Vendor;
        }
        return [.. vendors.Where(v => scope.Sites.Contains(v.Key) || scope.Vendors.Contains(v.Value)).Select(v => v.Key)];
    }

    private static DimensionFilter Mandatory(MetricCatalog catalog, MetricRequest request, string column, HashSet<string>? allowed)
    {
        var dimension = catalog.Dimensions.FirstOrDefault(d => d.Column == column)
            ?? throw new MetricRequestException($"The catalogue has no dimension on column '{column}', so a scope on it cannot be enforced.")
            {
                // The caller's scope against the catalogue, no parameter of the request: worded per language from the subject.
                Reason = new(ProblemKind.NotAllowed, column, "scope"),
            };
        foreach (var metric in request.Metrics.Select(id => catalog.Metrics.FirstOrDefault(m => m.Id == id)).OfType<MetricDefinition>()
            .Where(m => !m.Dimensions.Contains(dimension.Id)))
        {
            throw new MetricRequestException($"Metric '{metric.Id}' cannot be limited to your scope: it has no '{dimension.Id}' dimension.") { Reason = new(ProblemKind.NotAllowed, metric.Id, "metric"), Parameter = "metric" };
        }
        // An empty value matches no stored row: a scope naming nothing known keeps nothing.
        IReadOnlyList<string> values = allowed is { Count: > 0 } ? [.. allowed.Order(StringComparer.Ordinal)] : [""];
        return new DimensionFilter(dimension.Id, FilterOperator.In, values);
    }
}
