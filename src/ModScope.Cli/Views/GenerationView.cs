using System.Globalization;
using ModScope.Synthetic;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>What the generator wrote, and the incidents it injected.</summary>
internal static class GenerationView
{
    public static void Render(IAnsiConsole console, GeneratorOptions options, GenerationSummary summary)
    {
        var rows = string.Join(", ", summary.RowsPerTable.Select(r => $"{r.Key} {r.Value.ToString("N0", CultureInfo.InvariantCulture)}"));
        console.MarkupLine(CultureInfo.InvariantCulture,
            $"Wrote {summary.Files.Count} files to [bold]{Markup.Escape(options.OutputDirectory)}[/]: {Markup.Escape(rows)}.");
        if (summary.Incidents.Count == 0)
        {
            console.MarkupLine("No incidents injected (quiet data set).");
            return;
        }
        var table = new Table().Title("Injected incidents (ground truth in incidents.json)")
            .AddColumns("id", "kind", "from", "to", "segment", "effects");
        foreach (var incident in summary.Incidents)
        {
            table.AddRow(
                Markup.Escape(incident.Id), Markup.Escape(incident.Kind),
                incident.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                incident.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Markup.Escape(incident.Segment.Count == 0 ? "(all)" : string.Join(", ", incident.Segment.Select(s => $"{s.Key}={s.Value}"))),
                Markup.Escape(string.Join(", ", incident.Effects.Select(e => $"{e.Metric} {e.Direction}"))));
        }
        console.Write(table);
    }
}
