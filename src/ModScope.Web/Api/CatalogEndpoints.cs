using Microsoft.AspNetCore.Mvc;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary><c>/api/catalog</c> (what can be asked) and <c>/api/labels</c> (the UI text of a language).</summary>
internal static class CatalogEndpoints
{
    /// <summary>Explorer drill-down: each click on a segment filters to it and slices by the next dimension.</summary>
    public static readonly IReadOnlyList<string> DrillPath = ["market", "queue", "policy", "site"];

    public static readonly IReadOnlyList<string> TimeZones =
        ["UTC", "Asia/Shanghai", "Asia/Singapore", "Asia/Jakarta", "Asia/Kolkata", "Europe/London", "Europe/Berlin", "America/New_York", "America/Sao_Paulo"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/catalog", async ([FromQuery(Name = "lang")] string? lang, HttpContext http, Dashboard dashboard, AccessPolicy access, CancellationToken cancellationToken) =>
        {
            var language = RequestReader.Language(lang);
            // Each market, queue, policy and site the caller may see once, under its latest name.
            var scope = Caller.Of(http).Scope;
            var reference = dashboard.VisibleReference(scope);
            var sites = await dashboard.VisibleSitesAsync(scope, cancellationToken).ConfigureAwait(false);
            var markets = Latest(reference.Markets, m => m.Code, m => m.ValidFrom);
            var zh = language == "zh-Hans";
            return Results.Ok(new CatalogAnswer(
                dashboard.Catalog.Metrics.Select(m => new MetricChoice(m.Id, m.Name.In(language), m.Description.In(language), CatalogWords.Name(m.Format),
                    m.Direction.ToString(), m.Target, m.Sampled, m.Dimensions)).ToList(),
                dashboard.Catalog.Dimensions.Select(d => new Choice(d.Id, d.Name.In(language))).ToList(),
                DrillPath,
                markets.Select(m => new Choice(m.Code, zh ? m.NameZh : m.NameEn)).ToList(),
                markets.Select(m => m.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .Select(r => new Choice(r, PlaceNames.Name(dashboard.Reference, "region", r, language))).ToList(),
                Latest(reference.Queues, q => q.QueueId, q => q.ValidFrom).Select(q => new Choice(q.QueueId, zh ? q.NameZh : q.NameEn)).ToList(),
                Latest(reference.Policies, p => p.PolicyId, p => p.ValidFrom).Select(p => new Choice(p.PolicyId, zh ? p.NameZh : p.NameEn)).ToList(),
                // A site's Chinese name (sites.csv's name_zh) where it has one, else its English name.
                Latest(reference.Sites.Where(s => sites is null || sites.Contains(s.SiteId)), s => s.SiteId, s => s.ValidFrom)
                    .Select(s => new Choice(s.SiteId, zh && s.NameZh.Length > 0 ? s.NameZh : s.Name)).ToList(),
                TimeZones, dashboard.Catalog.Roles.Overview, DateOnly.FromDateTime(dashboard.DataNow()).AddDays(-1),
                access.ReadOnly ? "read-only" : "analyst-sign-in"));
        }).WithName("Catalog").WithSummary("Metrics, dimensions, markets, regions, queues, policies, sites and time zones to pick from, named in the chosen language.");

        api.MapGet("/labels", ([FromQuery(Name = "lang")] string? lang) => Results.Ok(Labels.For(RequestReader.Language(lang))))
            .WithName("Labels").WithSummary("The UI labels of a language (en or zh-Hans).");
    }

    /// <summary>Each key's row with the latest <c>valid_from</c>, keys in the order they first appear.</summary>
    private static List<T> Latest<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, DateOnly> validFrom) =>
        rows.GroupBy(key, StringComparer.Ordinal).Select(g => g.MaxBy(validFrom)!).ToList();
}
