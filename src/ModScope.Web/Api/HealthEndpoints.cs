using Microsoft.AspNetCore.Mvc;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Monitor.Health;
using ModScope.Monitor.Quality;
using ModScope.Query;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary>
/// <c>/api/health</c>: per-source watermarks (Monitor/Quality), per-site freshness, quarantine, waiting rows and loads (Monitor/Health),
/// tables, rules and reasons in the request's language (<see cref="QuarantineText"/>).
/// Quarantined rows' raw text (which may hold anything a producer sent) is shown to analysts only; a scoped caller sees
/// the sites of their scope and no quarantine or loads.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/health", async ([FromQuery(Name = "asOf")] string? asOf, [FromQuery(Name = "lang")] string? lang,
            [FromQuery(Name = "tz")] string? tz, HttpContext http, Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            var caller = Caller.Of(http);
            // A scoped caller sees the sites of their scope, and no quarantine or loads (those hold every market's rows and files).
            var scoped = caller.Scope.IsLimited;
            var visibleSites = await dashboard.VisibleSitesAsync(caller.Scope, cancellationToken).ConfigureAwait(false);
            var language = RequestReader.Language(lang);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(RequestReader.Zone(tz));
            // Stored instants are UTC; people read them in the chosen zone.
            string Local(DateTime utc) => CultureFormat.Time(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), language);
            var day = DateOnly.FromDateTime(RequestReader.Now(asOf, dashboard)).AddDays(string.IsNullOrWhiteSpace(asOf) ? -1 : 0);
            var marks = await DataQualityChecks.WatermarksAsync(dashboard.Store, day, QualitySettingsLoader.LoadDefault(), cancellationToken).ConfigureAwait(false);
            var sites = dashboard.Health.Sites().Where(s => visibleSites is null || visibleSites.Contains(s.Site)).ToList();
            var newest = sites.Count == 0 ? DateTime.MinValue : sites.Max(s => s.NewestDecision);
            var words = new QuarantineText(AlertEndpoints.Words(dashboard, language));
            List<ReasonRow> Reasons(IReadOnlyList<QuarantineReason> reasons) =>
                (caller.Role >= Role.Analyst ? reasons : WithoutRawRows(reasons)).Select(r => ReasonRow.Of(r, words)).ToList();
            return Results.Ok(new HealthAnswer(day,
                marks.Select(m => new SourceFreshness(m.Source, words.Table(m.Source), m.NewestEvent, m.NewestEvent is { } e ? Local(e) : null,
                    m.CompleteThrough, m.CompleteThrough is { } c ? CultureFormat.Day(c, language) : null)).ToList(),
                sites.Select(s => new SiteRow(s.Site, s.NewestDecision, Local(s.NewestDecision),
                    Math.Round((newest - s.NewestDecision).TotalHours, 1), s.DecisionsOnNewestDay)).ToList(),
                scoped ? [] : Reasons(dashboard.Health.Quarantine()),
                (scoped ? [] : dashboard.Health.Loads()).Select(l => new LoadRow(l, Local(l.StartedAt),
                    l.FinishedAt is { } f ? Math.Round((f - l.StartedAt).TotalSeconds, 1) : null)).ToList())
            {
                Checks = Checks(dashboard, caller.Scope, language),
                Pending = scoped ? [] : Reasons(dashboard.Health.Pending()),
            });
        }).ChecksCredentials().Expensive().WithName("Health")
          .WithSummary("Freshness per source and site (times in the tz zone), quarantined and waiting (pending) rows by table and rule with samples, named and worded in the chosen language (their raw rows for analysts only), and the load history.");
    }

    /// <summary>The open data alerts, newest first, in words (<see cref="FindingRenderer"/>).</summary>
    private static List<DataCheckRow> Checks(Dashboard dashboard, AccessScope scope, string language)
    {
        var today = DateOnly.FromDateTime(dashboard.DataNow());
        var words = AlertEndpoints.Words(dashboard, language);
        return dashboard.VisibleAlerts(scope, kind: AlertKind.Data).Where(a => a.IsOpen(today))
            .OrderByDescending(a => a.Finding.LastDay).ThenBy(a => a.Id)
            .Select(a => new DataCheckRow(a.Id, AlertStore.Name(a.Finding.Severity), a.Finding.Detector, a.Finding.LastDay,
                CultureFormat.Day(a.Finding.LastDay, language), words.Render(a.Finding.Facts, a.Finding.Message, a.Restated)))
            .ToList();
    }

    private static IReadOnlyList<QuarantineReason> WithoutRawRows(IReadOnlyList<QuarantineReason> reasons) =>
        reasons.Select(r => r with { Samples = r.Samples.Select(s => s with { RawRow = null }).ToList() }).ToList();
}
