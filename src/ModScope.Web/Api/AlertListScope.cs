using ModScope.Common;
using ModScope.Monitor.Alerts;

namespace ModScope.Web.Api;

/// <summary>
/// The alert list's filters that follow the overview, so a badge or the page's "open alerts" links to exactly the alerts
/// it counts: <c>status=open</c> (new, acknowledged or a lapsed snooze, <see cref="Alert.IsOpen"/>), <c>period</c>
/// (the alert's days overlap it) and <c>region</c> (its segment names the region or one of its markets), judged by the
/// overview's own <see cref="AlertScope"/>. Each value is checked; a bad one is a 400 naming its parameter.
/// </summary>
internal sealed record AlertListScope(bool OpenOnly, AlertScope? Within)
{
    /// <summary>The status filter the store understands: <c>open</c> is none (it is judged by <see cref="Alert.IsOpen"/>).</summary>
    public static string? StoredStatus(string? status) => status == "open" ? null : status;

    public static AlertListScope Read(string? status, string? period, string? region, string? tz, Dashboard dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        IReadOnlySet<string>? places = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            places = dashboard.Reference.Regions.Contains(region)
                ? AlertScope.PlacesOf([("region", [region])], dashboard.Reference)
                : throw new BadParameterException("region", $"'{region}' is not a region of the reference data; use one of {string.Join(", ", dashboard.Reference.Regions)}.", ProblemReason.Unknown("region", region, dashboard.Reference.Regions));
        }
        AlertScope? within = null;
        if (!string.IsNullOrWhiteSpace(period) || places is not null)
        {
            var days = string.IsNullOrWhiteSpace(period) ? null : RequestReader.Period(period, RequestReader.Zone(tz), dashboard.DataNow());
            within = new AlertScope(days is null ? DateOnly.MinValue : DateOnly.FromDateTime(days.Start),
                days is null ? DateOnly.MaxValue : DateOnly.FromDateTime(days.End).AddDays(-1), places);
        }
        return new AlertListScope(status == "open", within);
    }

    public bool Covers(Alert alert, DateOnly today) => (!OpenOnly || alert.IsOpen(today)) && (Within is null || Within.Covers(alert));
}
