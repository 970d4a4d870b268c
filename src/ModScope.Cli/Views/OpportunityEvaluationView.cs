using System.Globalization;
using ModScope.Synthetic.Evaluation;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary><c>eval --opportunities</c>: every planted opportunity per seed with the finder's rank and size, then the recovery rate.</summary>
internal static class OpportunityEvaluationView
{
    public static void Render(IAnsiConsole console, IReadOnlyList<OpportunityOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Seed", "Planted", "Kind", "Subject", "Planted a week", "Found a week", "Found / planted", "Rank", "Recovered");
        foreach (var o in outcomes)
        {
            table.AddRow(Inv($"{o.Seed}"), o.Planted.Id, o.Planted.Kind, Markup.Escape(string.Join(", ", o.Planted.Subject.Select(kv => $"{kv.Key}={kv.Value}"))),
                Inv($"{o.Planted.Value:N1} {o.Planted.Unit}"), o.Found is { } f ? Inv($"{f.Size.Value:N1}") : "–",
                o.SizeRatio is { } r ? Inv($"{r:0.00}") : "–", o.Rank is { } k ? Inv($"{k}") : "[red]not found[/]", o.Recovered ? "yes" : "[red]no[/]");
        }
        console.Write(table);
        var recovered = outcomes.Count(o => o.Recovered);
        console.MarkupLine(Inv($"Recovered (top {OpportunityEvaluation.TopRank} of its kind, size within {OpportunityEvaluation.SizeTolerance:P0}): {recovered} of {outcomes.Count}"));
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
