using ModScope.Monitor.Alerts;

namespace ModScope.Web.Api;

/// <summary>An alert as listed: what moved, where, since when, how badly, and where it is in its lifecycle.</summary>
internal sealed record AlertView(
    long Id, string Kind, string Subject, string SubjectName, string Segment, string Status, string Severity,
    DateOnly FirstDay, string FirstDayText, DateOnly LastDay, string LastDayText, DateOnly? SnoozedUntil,
    string Message, double? Value, string? ValueFormatted, double? Expected, string? ExpectedFormatted,
    double? Lower, double? Upper, double? RelativeImpact, double Rank, bool Open)
{
    public static AlertView From(Alert alert, Dashboard dashboard, string language, DateOnly today)
    {
        var f = alert.Finding;
        var metric = f.Kind == AlertKind.Metric ? dashboard.Catalog.Metrics.FirstOrDefault(m => m.Id == f.Subject) : null;
        return new AlertView(alert.Id, AlertStore.Name(f.Kind), f.Subject, metric?.Name.In(language) ?? f.Subject,
            f.Segment, AlertStore.Name(alert.Status), AlertStore.Name(f.Severity), f.FirstDay, CultureFormat.Day(f.FirstDay, language),
            f.LastDay, CultureFormat.Day(f.LastDay, language), alert.SnoozedUntil, f.Message,
            f.Value, metric is null ? null : CultureFormat.Value(metric, f.Value, language),
            f.Expected, metric is null ? null : CultureFormat.Value(metric, f.Expected, language),
            f.Lower, f.Upper, f.RelativeImpact, f.Rank, alert.IsOpen(today));
    }
}
