using System.Globalization;
using ModScope.Synthetic.Evaluation;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>The evaluation: every incident per seed, then the totals against the targets of the monitor issue.</summary>
internal static class EvaluationView
{
    public static void Render(IAnsiConsole console, EvaluationReport report)
    {
        var incidents = new Table().Border(TableBorder.Rounded).AddColumns("Seed", "Incident", "Kind", "Start", "Alerts", "Delay (days)", "Root cause rank");
        foreach (var seed in report.Seeds.Where(s => !s.Quiet))
        {
            foreach (var i in seed.Incidents)
            {
                incidents.AddRow(Inv($"{seed.Seed}"), i.Incident.Id, i.Incident.Kind, Inv($"{i.Incident.Start:yyyy-MM-dd}"), Inv($"{i.AlertIds.Count}"),
                    i.DelayDays is { } d ? Inv($"{d + seed.WatermarkLagDays}") : "[red]missed[/]",
                    !i.HasSegment ? "n/a" : i.RootCauseRank is { } r ? Inv($"{r}") : i.Detected ? "[red]not found[/]" : "–");
            }
        }
        console.Write(incidents);
        var seeds = new Table().Border(TableBorder.Rounded).AddColumns("Data set", "Series", "Days judged", "Alerts", "True alerts", "Alerts / 100 series / 30 days");
        foreach (var s in report.Seeds)
        {
            seeds.AddRow(Inv($"{(s.Quiet ? "quiet" : "incidents")} (seed {s.Seed})"), Inv($"{s.SeriesScanned:N0}"), Inv($"{s.Days}"), Inv($"{s.Alerts}"),
                s.Quiet ? "–" : Inv($"{s.TrueAlerts}"), Inv($"{s.AlertsPer100SeriesPer30Days:0.00}"));
        }
        console.Write(seeds);
        var unexplained = new Table().Border(TableBorder.Rounded).Title("Alerts no incident explains")
            .AddColumns("Data set", "Subject", "Segment", "Days", "Score");
        foreach (var s in report.Seeds)
        {
            foreach (var a in s.Unexplained.OrderBy(a => a.FirstDay))
            {
                unexplained.AddRow(Inv($"{(s.Quiet ? "quiet" : "incidents")} (seed {s.Seed})"), Markup.Escape(a.Subject), Markup.Escape(a.Segment.Length == 0 ? "(total)" : a.Segment),
                    a.LastDay == a.FirstDay ? Inv($"{a.FirstDay:yyyy-MM-dd}") : Inv($"{a.FirstDay:yyyy-MM-dd}..{a.LastDay:MM-dd}"), Inv($"{a.Score:0.00}"));
            }
        }
        if (unexplained.Rows.Count > 0)
        {
            console.Write(unexplained);
        }
        var totals = new Table().Border(TableBorder.Rounded).AddColumns("Measure", "Value", "Target");
        totals.AddRow("Recall", Percent(report.Recall), "≥ 90%");
        totals.AddRow("Precision", Percent(report.Precision), "≥ 80%");
        totals.AddRow("Median detection delay (days, incl. watermark lag)", report.MedianDelayDays is { } m ? Inv($"{m:0.#}") : "n/a", "");
        totals.AddRow("Root cause in top 1", Percent(report.RootCauseTop1), "");
        totals.AddRow("Root cause in top 3", Percent(report.RootCauseTop3), "≥ 80%");
        totals.AddRow("Quiet data: alerts / 100 series / 30 days", report.QuietAlertRate is { } q ? Inv($"{q:0.00}") : "n/a", "≤ 1");
        console.Write(totals);
    }

    private static string Percent(double? value) => value is { } v ? v.ToString("0%", CultureInfo.InvariantCulture) : "n/a";

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);
}
