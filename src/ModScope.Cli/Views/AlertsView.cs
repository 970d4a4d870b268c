using System.Globalization;
using ModScope.Catalog;
using ModScope.Monitor.Explanation;
using ModScope.Monitor;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Monitor.Scan;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>Alerts as tables, and one alert's explanation in words; what each alert found in the renderer's language.</summary>
internal static class AlertsView
{
    public static void RenderRun(IAnsiConsole console, MonitorOutcome outcome, MetricCatalog catalog, FindingRenderer words, int top)
    {
        var s = outcome.Summary;
        // The run's line and the suppressed count in the renderer's language (monitor --lang zh-Hans), as its alerts are.
        var complete = s.Watermark is { } w ? words.Say("view.run.complete", ("day", FindingFacts.Day(w))) : "";
        console.MarkupLine(Markup.Escape(words.Say("view.run", ("run", FindingFacts.Count(outcome.RunId)), ("status", FindingFacts.Text(words.Say("view.run." + s.Status))),
            ("from", FindingFacts.Day(outcome.WindowStart)), ("to", FindingFacts.Day(outcome.WindowEnd)), ("series", FindingFacts.Count(s.SeriesScanned)),
            ("opened", FindingFacts.Count(s.Opened)), ("updated", FindingFacts.Count(s.Updated)), ("complete", FindingFacts.Text(complete)))));
        var open = outcome.Alerts.Where(a => a.Status != AlertStatus.Suppressed).ToList();
        var suppressed = outcome.Alerts.Count - open.Count;
        if (suppressed > 0)
        {
            console.MarkupLine($"[grey]{Markup.Escape(words.Say("view.run.suppressed", ("count", FindingFacts.Count(suppressed))))}[/]");
        }
        RenderList(console, open.Take(top).ToList(), words);
        foreach (var alert in open.Where(a => a.Finding.Explanation is not null).Take(3))
        {
            RenderExplanation(console, alert, catalog, words);
        }
    }

    /// <param name="ownerOf">The owner of an alert from the service configuration's <c>owners</c> (a column when any alert has one).</param>
    public static void RenderList(IAnsiConsole console, IReadOnlyList<Alert> alerts, FindingRenderer words, Func<AlertFinding, string?>? ownerOf = null)
    {
        if (alerts.Count == 0)
        {
            console.MarkupLine(Markup.Escape(words.Say("view.none")));
            return;
        }
        var owners = alerts.Select(a => ownerOf?.Invoke(a.Finding)).ToList();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns(words.Say("view.id"), words.Say("view.status"), words.Say("view.severity"), words.Say("view.what"));
        if (owners.Any(o => o is not null))
        {
            table.AddColumn(words.Say("view.owner"));
        }
        foreach (var (a, owner) in alerts.Zip(owners))
        {
            var f = a.Finding;
            var text = words.Render(f.Facts, f.Message, a.Restated);
            string[] cells = [
                a.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(words.Say("status." + AlertStore.Name(a.Status)) + (a.Restated ? words.Say("view.restated") : "")),
                f.Severity == AlertSeverity.Critical ? $"[red]{Markup.Escape(words.Say("severity.critical"))}[/]" : $"[yellow]{Markup.Escape(words.Say("severity.warning"))}[/]",
                Markup.Escape(text)];
            table.AddRow(table.Columns.Count > 4 ? [.. cells, Markup.Escape(owner ?? "")] : cells);
        }
        console.Write(table);
    }

    public static void RenderExplanation(IAnsiConsole console, Alert alert, MetricCatalog catalog, FindingRenderer words)
    {
        var f = alert.Finding;
        console.MarkupLine("\n" + Markup.Escape(words.Say("explain.title", ("id", FindingFacts.Text(Inv($"{alert.Id}"))),
            ("text", FindingFacts.Text(words.Render(f.Facts, f.Message, alert.Restated))))));
        if (f.Baseline is not null)
        {
            console.MarkupLine($"[grey]{Markup.Escape(words.Baseline(f.Baseline))}[/]");
        }
        if (f.Kind == AlertKind.Data)
        {
            return;
        }
        if (AlertExplanation.FromJson(f.Explanation) is not { } e)
        {
            console.MarkupLine($"[grey]{Markup.Escape(words.Say("explain.none", ("id", FindingFacts.Text(Inv($"{alert.Id}")))))}[/]");
            return;
        }
        var metric = catalog.Metrics.FirstOrDefault(m => m.Id == e.Metric);
        console.MarkupLine(Markup.Escape(words.Say("explain.summary", ("from", FindingFacts.Day(e.From)), ("to", FindingFacts.Day(e.To)),
            ("weeks", FindingFacts.Count(e.BaselineWeeks)), ("current", FindingFacts.Text(Number(e.Current, metric))), ("baseline", FindingFacts.Text(Number(e.Baseline, metric))))));
        if (e.Causes.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns(words.Say("explain.cause"), words.Say("explain.share"), words.Say("explain.now"), words.Say("explain.before"));
            foreach (var c in e.Causes)
            {
                table.AddRow(Markup.Escape(words.Segment(SeriesKey.Format(c.Conjunction.ToDictionary(p => p.Key, p => (string?)p.Value)))), Inv($"{c.Share:0%}"), Markup.Escape(Number(c.CurrentValue, metric)), Markup.Escape(Number(c.BaselineValue, metric)));
            }
            console.Write(table);
        }
        if (e.Within.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns(words.Say("explain.within"), words.Say("explain.now"), words.Say("explain.expected"), words.Say("explain.score"));
            foreach (var w in e.Within.Take(5))
            {
                table.AddRow(Markup.Escape(words.Segment(w.Segment)), Markup.Escape(Number(w.Value, metric)), Markup.Escape(Number(w.Expected, metric)), Inv($"{w.Score:0.00}"));
            }
            console.Write(table);
        }
        if (e.MixRate is { } split)
        {
            var dimension = catalog.Dimensions.FirstOrDefault(d => d.Id == split.Dimension)?.Name.In(words.Language) ?? split.Dimension;
            console.MarkupLine(Markup.Escape(words.Say(Math.Abs(split.Mix) > Math.Abs(split.Rate) ? "explain.mix" : "explain.rate",
                ("dimension", FindingFacts.Text(dimension)), ("change", FindingFacts.Text(Signed(split.Change))),
                ("mix", FindingFacts.Text(Signed(split.Mix))), ("rate", FindingFacts.Text(Signed(split.Rate))))));
        }
    }

    /// <summary>A signed percentage; a value that rounds to zero prints +0.00% (.NET would print "-+0.00%" for a tiny negative).</summary>
    private static string Signed(double value) => ((Math.Round(value, 4) + 0.0) == 0.0 ? 0.0 : value).ToString("+0.00%;-0.00%", CultureInfo.InvariantCulture);

    private static string Number(double? value, MetricDefinition? metric) =>
        (metric is null ? null : ValueFormatter.Invariant.Value(metric, value, missing: "n/a")) ?? (value is { } v && double.IsFinite(v) ? v.ToString("#,0.##", CultureInfo.InvariantCulture) : "n/a");

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);
}
