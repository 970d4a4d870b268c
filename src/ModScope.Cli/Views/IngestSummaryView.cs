using System.Globalization;
using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Model;
using ModScope.Monitor.Findings;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>
/// The load summary: totals per table, then one line per file that needs attention (quarantined rows,
/// rejected, already loaded). With few files every file is listed. Headings, tables (决策), reasons (重复行 duplicate_id)
/// and the closing line are in the <c>--lang</c> language (<c>ingest.*</c>, <c>source.*</c> and <c>rule.*</c> of the
/// findings' texts); a rejected file's problem is the engine's or the reader's English.
/// </summary>
internal static class IngestSummaryView
{
    private const int ListEveryFileUpTo = 12;

    public static void Render(IAnsiConsole console, IngestResult result, string language = "en")
    {
        // The summary names no metric and no place: the shipped catalogue and no reference data.
        var words = new FindingRenderer(CatalogLoader.LoadDefault(), ReferenceData.Empty, language);
        var names = new QuarantineText(words);
        string Say(string key) => Markup.Escape(words.Say(key));
        var totals = new Table().Title(Say("ingest.summary")).AddColumns(
            Say("ingest.table"), Say("ingest.files"), Say("ingest.rows_read"), Say("ingest.loaded"), Say("ingest.replaced"), Say("ingest.quarantined"), Say("ingest.pending"));
        foreach (var group in result.Files.GroupBy(f => f.Table))
        {
            totals.AddRow(Markup.Escape(names.Table(group.Key)), N(group.Count()), N(group.Sum(f => f.RowsRead)), N(group.Sum(f => f.RowsLoaded)),
                N(group.Sum(f => f.RowsReplaced)), N(group.Sum(f => f.RowsQuarantined - f.RowsPending)), N(group.Sum(f => f.RowsPending)));
        }
        console.Write(totals);

        var shown = result.Files.Count <= ListEveryFileUpTo
            ? result.Files
            : result.Files.Where(f => f.RowsQuarantined > 0 || f.Status != FileStatus.Loaded).ToList();
        if (shown.Count > 0)
        {
            var files = new Table().Title(Say(result.Files.Count <= ListEveryFileUpTo ? "ingest.file_list" : "ingest.attention"))
                .AddColumns(Say("ingest.file"), Say("ingest.status"), Say("ingest.read"), Say("ingest.loaded"), Say("ingest.by_reason"));
            foreach (var file in shown)
            {
                var reasons = file.QuarantinedByRule.Count == 0
                    ? "-"
                    : string.Join(", ", file.QuarantinedByRule.Select(r => words.Say("ingest.reason",
                        ("rule", FindingFacts.Text(Reason(names, r.Key))), ("count", FindingFacts.Count(r.Value)))));
                files.AddRow(Markup.Escape(file.Name), Status(file, words), N(file.RowsRead), N(file.RowsLoaded), Markup.Escape(reasons));
            }
            console.Write(files);
        }

        var quarantined = result.Files.Sum(f => f.RowsQuarantined - f.RowsPending);
        // The counts carry their colours as markup; the texts hold no markup of their own.
        static FindingFact Shown(long value, string? colour = null) =>
            FindingFacts.Text(colour is null ? N(value) : $"[{colour}]{N(value)}[/]");
        console.MarkupLine(words.Say("ingest.total",
            ("loaded", Shown(result.RowsLoaded, "green")), ("files", Shown(result.Files.Count(f => f.Status == FileStatus.Loaded))),
            ("quarantined", Shown(quarantined, "yellow")), ("pending", Shown(result.Files.Sum(f => f.RowsPending))),
            ("released", Shown(result.RowsReleased)), ("already", Shown(result.Files.Count(f => f.Status == FileStatus.AlreadyLoaded))))
            + (quarantined > 0 ? " " + words.Say("ingest.see", ("quarantine", FindingFacts.Text("[bold]quarantine[/]"))) : ""));
    }

    /// <summary>A rule by its name with its code, as stored (重复行（duplicate_id）); a rule without a name by its code.</summary>
    private static string Reason(QuarantineText names, string rule) => names.Rule(rule) is var name && name != rule
        ? names.Language == "zh-Hans" ? $"{name}（{rule}）" : $"{name} ({rule})"
        : rule;

    private static string Status(FileResult file, FindingRenderer words) => file.Status switch
    {
        FileStatus.Loaded => file.RowsQuarantined > 0 ? $"[yellow]{Markup.Escape(words.Say("ingest.status.quarantine"))}[/]" : $"[green]{Markup.Escape(words.Say("ingest.status.loaded"))}[/]",
        FileStatus.AlreadyLoaded => $"[grey]{Markup.Escape(words.Say("ingest.status.already"))}[/]",
        FileStatus.Rejected => $"[red]{Markup.Escape(words.Say("ingest.status.rejected"))}[/]: {Markup.Escape(file.Problem ?? "")}",
        _ => file.Status.ToString(),
    };

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
