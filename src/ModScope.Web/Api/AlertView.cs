using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;

namespace ModScope.Web.Api;

/// <summary>
/// An alert as listed: what moved, where, since when, how badly, where it is in its lifecycle and what an analyst
/// labelled it. Its days are UTC days, as the monitor judged them (<see cref="DayZone"/>), never converted; when the
/// monitor first stored it and when it last changed are instants, shown in the chosen time zone (<see cref="TimeZone"/>).
/// <see cref="Message"/> and <see cref="SegmentName"/> are in the request's language (<see cref="FindingRenderer"/>);
/// <see cref="SuppressedBy"/> names the alert that explains or holds a suppressed one.
/// </summary>
internal sealed record AlertView(
    long Id, string Kind, string Subject, string SubjectName, string Segment, string Status, string Severity,
    DateOnly FirstDay, string FirstDayText, DateOnly LastDay, string LastDayText, string DayZone, DateOnly? SnoozedUntil,
    string Message, double? Value, string? ValueFormatted, double? Expected, string? ExpectedFormatted,
    double? Lower, double? Upper, double? RelativeImpact, double Rank, bool Open, string? Label,
    DateTime? FirstSeenAt, string? FirstSeenText, DateTime UpdatedAt, string UpdatedText, string TimeZone,
    string SegmentName, long? SuppressedBy)
{
    /// <summary>Who owns the alert: the first entry of <c>owners</c> in the service configuration that matches it, or null.</summary>
    public string? Owner { get; init; }

    /// <summary>
    /// The target of the alert's metric for its segment on its last day (<see cref="Query.SegmentTargets"/>: the store's
    /// and the catalogue's targets per segment, else the metric's own), with it formatted; null for a data alert or a
    /// metric without a target.
    /// </summary>
    public double? Target { get; init; }

    public string? TargetFormatted { get; init; }

    public static AlertView From(Alert alert, Dashboard dashboard, FindingRenderer words, DateOnly today, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(words);
        var language = words.Language;
        var f = alert.Finding;
        var metric = f.Kind == AlertKind.Metric ? dashboard.Catalog.Metrics.FirstOrDefault(m => m.Id == f.Subject) : null;
        var segment = Monitor.Scan.SeriesKey.Parse(f.Segment).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
        var target = metric is null ? null : Query.SegmentTargets.For(metric, segment, f.LastDay, dashboard.Reference);
        // Stored instants are UTC; people read them in the chosen zone.
        string Local(DateTime utc) => CultureFormat.Time(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), language);
        return new AlertView(alert.Id, AlertStore.Name(f.Kind), f.Subject, metric?.Name.In(language) ?? words.Subject(f.Subject),
            f.Segment, AlertStore.Name(alert.Status), AlertStore.Name(f.Severity), f.FirstDay, CultureFormat.Day(f.FirstDay, language),
            f.LastDay, CultureFormat.Day(f.LastDay, language), "UTC", alert.SnoozedUntil, words.Render(f.Facts, f.Message, alert.Restated),
            f.Value, metric is null ? null : CultureFormat.Value(metric, f.Value, language),
            f.Expected, metric is null ? null : CultureFormat.Value(metric, f.Expected, language),
            f.Lower, f.Upper, f.RelativeImpact, f.Rank, alert.IsOpen(today), alert.Label is { } label ? AlertStore.Name(label) : null,
            alert.CreatedAt, alert.CreatedAt is { } created ? Local(created) : null, alert.UpdatedAt, Local(alert.UpdatedAt), zone.Id,
            words.Segment(f.Segment), alert.SuppressedBy)
        {
            Owner = dashboard.Owners.FirstOrDefault(o => o.Filter.Matches(f))?.Name,
            Target = target,
            TargetFormatted = metric is null || target is null ? null : CultureFormat.Value(metric, target, language),
        };
    }
}
