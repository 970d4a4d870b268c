using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ModScope.Common;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Explanation;
using ModScope.Monitor.Findings;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary>
/// <c>/api/alerts</c>: the list (ranked by impact), one alert with its series, band, calendar events and explanation, and
/// its status and feedback label (analysts only). Days are UTC days; first-seen and updated instants are in <c>tz</c>.
/// </summary>
internal static class AlertEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/alerts", ([FromQuery(Name = "status")] string? status, [FromQuery(Name = "kind")] string? kind,
            [FromQuery(Name = "severity")] string? severity, [FromQuery(Name = "metric")] string? metric, [FromQuery(Name = "market")] string? market,
            [FromQuery(Name = "region")] string? region, [FromQuery(Name = "period")] string? period,
            [FromQuery(Name = "lang")] string? lang, [FromQuery(Name = "tz")] string? tz, HttpContext http, Dashboard dashboard) =>
        {
            var language = RequestReader.Language(lang);
            var zone = Zone(tz);
            var today = DateOnly.FromDateTime(dashboard.DataNow());
            var bySeverity = Parse<AlertSeverity>(severity, "severity");
            var place = Market(market, dashboard);
            if (!string.IsNullOrWhiteSpace(metric) && dashboard.Catalog.Metrics.All(m => m.Id != metric))
            {
                throw new BadParameterException("metric", $"'{metric}' is not a metric of the catalogue; 'modscope metrics' lists them.", ProblemReason.Unknown("metric", metric).Near(dashboard.Catalog.Metrics.Select(m => m.Id)));
            }
            var within = AlertListScope.Read(status, period, region, tz, dashboard);
            var alerts = dashboard.VisibleAlerts(Caller.Of(http).Scope, Parse<AlertStatus>(AlertListScope.StoredStatus(status), "status", "open"), Parse<AlertKind>(kind, "kind"))
                .Where(a => within.Covers(a, today))
                .Where(a => bySeverity is null || a.Finding.Severity == bySeverity)
                .Where(a => string.IsNullOrWhiteSpace(metric) || a.Finding.Subject == metric)
                .Where(a => place is null || a.Finding.Segment.Split(';').Contains(place))
                .OrderByDescending(a => a.IsOpen(today)).ThenByDescending(a => a.Finding.Rank).ThenBy(a => a.Id);
            var words = Words(dashboard, language);
            return Results.Ok(alerts.Select(a => AlertView.From(a, dashboard, words, today, zone)).ToList());
        }).WithName("Alerts").WithSummary("Alerts, open ones first, ranked by impact, in the lang language; filter by status (new, acknowledged, resolved, snoozed, suppressed, or open: new, acknowledged or a lapsed snooze), kind (metric, data), severity (warning, critical), metric (an id), market (a code: alerts whose segment names it), region (its segment names the region or one of its markets) and period (its days overlap it), as the overview counts them.");

        api.MapGet("/alerts/{id:long}", async (long id, [FromQuery(Name = "lang")] string? lang, [FromQuery(Name = "tz")] string? tz,
            HttpContext http, Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            var language = RequestReader.Language(lang);
            var zone = Zone(tz);
            var scope = Caller.Of(http).Scope;
            var alert = dashboard.VisibleAlert(id, scope);
            var chart = await AlertSeries.ReadAsync(alert, dashboard, scope, language, cancellationToken).ConfigureAwait(false);
            var explanation = Explanation(alert.Finding.Explanation);
            var metric = dashboard.Catalog.Metrics.FirstOrDefault(m => m.Id == alert.Finding.Subject);
            var words = Words(dashboard, language);
            return Results.Ok(new AlertDetail(AlertView.From(alert, dashboard, words, DateOnly.FromDateTime(dashboard.DataNow()), zone),
                chart.Series, chart.Events, explanation,
                explanation is null || metric is null ? null : CultureFormat.Value(metric, explanation.Current, language),
                explanation is null || metric is null ? null : CultureFormat.Value(metric, explanation.Baseline, language))
            { ExplanationText = explanation is null ? null : ExplanationText.Of(explanation, dashboard.Catalog, words) });
        }).Expensive().WithName("Alert").WithSummary("One alert with its daily series (UTC days), the expected band the monitor judged with its events calendar, the events on those days, and its explanation.");

        api.MapPost("/alerts/{id:long}/status", async (long id, [FromBody] StatusChange change, HttpContext http, Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            ArgumentNullException.ThrowIfNull(change);
            var (status, until) = change.Status switch
            {
                "acknowledged" or "ack" => (AlertStatus.Acknowledged, (DateOnly?)null),
                "resolved" or "resolve" => (AlertStatus.Resolved, null),
                "snoozed" or "snooze" => (AlertStatus.Snoozed, Until(change.Until)),
                _ => throw new BadParameterException("status", $"'{change.Status}' is not a status you can set; use acknowledged, resolved or snoozed.", ProblemReason.Unknown("status", change.Status, ["acknowledged", "resolved", "snoozed"])),
            };
            _ = dashboard.VisibleAlert(id, Caller.Of(http).Scope);
            await dashboard.Store.WriteAsync(_ => Done(() => dashboard.Alerts.SetStatus(id, status, until)), cancellationToken).ConfigureAwait(false);
            return Results.Ok(Current(id, dashboard));
        }).RequireAnalyst().WithName("SetAlertStatus").WithSummary("Acknowledge, resolve or snooze an alert (analyst role).");

        api.MapPost("/alerts/{id:long}/label", async (long id, [FromBody] LabelChange change, HttpContext http, Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            ArgumentNullException.ThrowIfNull(change);
            var label = Parse<AlertLabel>(change.Label, "label")
                ?? throw new BadParameterException("label", $"Name a label: {string.Join(", ", Labels)}.", new(ProblemKind.Missing, Subject: "label", Accepted: Labels));
            _ = dashboard.VisibleAlert(id, Caller.Of(http).Scope);
            await dashboard.Store.WriteAsync(_ => Done(() => dashboard.Alerts.Label(id, label)), cancellationToken).ConfigureAwait(false);
            return Results.Ok(Current(id, dashboard));
        }).RequireAnalyst().WithName("LabelAlert")
            .WithSummary("Record what an alert turned out to be: confirmed_incident, expected, false_alarm or new_normal (rebaselines the series from the alert's first day) (analyst role).");
    }

    private static readonly string[] Labels = [.. Enum.GetValues<AlertLabel>().Select(v => AlertStore.Name(v))];

    /// <summary>Runs a synchronous store write as the work of <see cref="ModScope.Store.ModScopeStore.WriteAsync(Func{CancellationToken, Task}, CancellationToken)"/>.</summary>
    internal static Task Done(Action write)
    {
        write();
        return Task.CompletedTask;
    }

    private static AlertView Current(long id, Dashboard dashboard) =>
        AlertView.From(dashboard.Alerts.Get(id), dashboard, Words(dashboard, "en"), DateOnly.FromDateTime(dashboard.DataNow()), TimeZoneInfo.Utc);

    /// <summary>Alerts' findings in <paramref name="language"/>, with places named from the dashboard store's reference data.</summary>
    internal static FindingRenderer Words(Dashboard dashboard, string language) => new(dashboard.Catalog, dashboard.Reference, language);

    /// <summary>A market filter as the segment part it matches (<c>market=JP</c>); an unknown code is a 400 naming <c>market</c>.</summary>
    private static string? Market(string? code, Dashboard dashboard) =>
        string.IsNullOrWhiteSpace(code) ? null
        : dashboard.Reference.Markets.Any(m => m.Code == code) ? $"market={code}"
        : throw new BadParameterException("market", $"'{code}' is not a market of the reference data; use one of {string.Join(", ", dashboard.Reference.Markets.Select(m => m.Code).Distinct())}.", ProblemReason.Unknown("market", code, dashboard.Reference.Markets.Select(m => m.Code).Distinct()));

    private static TimeZoneInfo Zone(string? tz) => TimeZoneInfo.FindSystemTimeZoneById(RequestReader.Zone(tz));

    private static DateOnly Until(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? DateWindow.Day("until", day, text!)
            : throw new BadParameterException("until", $"Snoozing needs 'until' as yyyy-MM-dd, not '{text}'.", new(string.IsNullOrWhiteSpace(text) ? ProblemKind.Missing : ProblemKind.BadFormat, text, "day", ["yyyy-MM-dd"]));

    /// <param name="also">Values the parameter takes beyond the enumeration's (status: <c>open</c>), named in the refusal.</param>
    private static T? Parse<T>(string? text, string parameter, params string[] also) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null
        : Enum.GetValues<T>().FirstOrDefault(v => AlertStore.Name(v) == text) is var value && AlertStore.Name(value) == text ? value
        : throw new BadParameterException(parameter, $"'{text}' is not one of {string.Join(", ", also.Concat(Enum.GetValues<T>().Select(v => AlertStore.Name(v))))}.", ProblemReason.Unknown(parameter, text, also.Concat(Enum.GetValues<T>().Select(v => AlertStore.Name(v)))));

    private static AlertExplanation? Explanation(string? json)
    {
        try
        {
            return AlertExplanation.FromJson(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
