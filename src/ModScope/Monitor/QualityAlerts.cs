using ModScope.Monitor.Alerts;
using ModScope.Monitor.Quality;

namespace ModScope.Monitor;

/// <summary>Data-quality findings as data alerts, and the metric alerts each one explains (and so suppresses).</summary>
public static class QualityAlerts
{
    public static AlertFinding ToFinding(QualityFinding finding, DateOnly asOf)
    {
        var day = finding.Day ?? asOf;
        return new AlertFinding(AlertKind.Data, AlertStore.Name(finding.Check) + ":" + finding.Source, Segment(finding.Segment), day, day,
            finding.Severity == QualitySeverity.Critical ? AlertSeverity.Critical : AlertSeverity.Warning,
            finding.Expected is { } e ? Math.Sign(finding.Observed - e) : 1, 1.0, AlertStore.Name(finding.Check), finding.Message)
        {
            Value = finding.Observed,
            Expected = finding.Expected,
            Upper = finding.Threshold,
            Facts = finding.Facts,
        };
    }

    /// <summary>
    /// The data alert that explains a metric alert: a volume or freshness problem of a site explains every alert of
    /// a segment naming that site, or a market or region the site serves (<see cref="SiteReach"/>), on that day or
    /// the day before; a
    /// volume problem or a redelivery of the decisions source explains count metrics' alerts on that day in every segment.
    /// </summary>
    public static AlertFinding? Explaining(AlertFinding metric, bool isCount, IReadOnlyList<(QualityFinding Source, AlertFinding Alert)> data, SiteReach? reach = null)
    {
        foreach (var (source, alert) in data)
        {
            // A day's missing data also moves what was open at the end of the day before (backlog).
            if (source.Day is not { } day || day < metric.FirstDay || day > metric.LastDay.AddDays(1))
            {
                continue;
            }
            var site = alert.Segment.StartsWith("site=", StringComparison.Ordinal) ? alert.Segment["site=".Length..] : null;
            var sameSite = site is not null && (metric.Segment.Split(';').Contains(alert.Segment) || reach?.Reaches(site, metric.Segment) == true);
            // Data missing (a volume drop, a stale source) or counted twice explains a metric's move; a site deciding
            // more than usual is business (a mix shift), not a data problem, and explains nothing.
            var volumeLike = source.Check is QualityCheckKind.Freshness or QualityCheckKind.DuplicateIds ||
                             (source.Check == QualityCheckKind.Volume && !(source.Observed > source.Expected));
            if ((sameSite && volumeLike) || (isCount && volumeLike && source.Source == "decisions"))
            {
                return alert;
            }
        }
        return null;
    }

    /// <summary><c>site = KUL-ALPHA</c> → <c>site=KUL-ALPHA</c>; <c>all rows</c> → the total.</summary>
    private static string Segment(string text) =>
        text == "all rows" ? "" : text.Replace(" = ", "=", StringComparison.Ordinal);
}
