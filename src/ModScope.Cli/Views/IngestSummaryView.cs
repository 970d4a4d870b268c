using System.Globalization;
using ModScope.Ingest;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>
/// The load summary: totals per table, then one line per file that needs attention (quarantined rows,
/// rejected, already loaded). With few files every file is listed.
/// </summary>
internal static class IngestSummaryView
{
    private const int ListEveryFileUpTo = 12;

    public static void Render(IAnsiConsole console, IngestResult result)
    {
        var totals = new Table().Title("Load summary").AddColumns("table", "files", "rows read", "loaded", "replaced", "quarantined", "pending");
        foreach (var group in result.Files.GroupBy(f => f.Table))
        {
            totals.AddRow(group.Key, N(group.Count()), N(group.Sum(f => f.RowsRead)), N(group.Sum(f => f.RowsLoaded)),
                N(group.Sum(f => f.RowsReplaced)), N(group.Sum(f => f.RowsQuarantined - f.RowsPending)), N(group.Sum(f => f.RowsPending)));
        }
        console.Write(totals);

        var shown = result.Files.Count <= ListEveryFileUpTo
            ? result.Files
            : result.Files.Where(f => f.RowsQuarantined > 0 || f.Status != FileStatus.Loaded).ToList();
        if (shown.Count > 0)
        {
            var files = new Table().Title(result.Files.Count <= ListEveryFileUpTo ? "Files" : "Files needing attention")
                .AddColumns("file", "status", "read", "loaded", "quarantined by reason");
            foreach (var file in shown)
            {
                var reasons = file.QuarantinedByRule.Count == 0
                    ? "-"
                    : string.Join(", ", file.QuarantinedByRule.Select(r => $"{r.Key}: {N(r.Value)}"));
                files.AddRow(Markup.Escape(file.Name), Status(file), N(file.RowsRead), N(file.RowsLoaded), Markup.Escape(reasons));
            }
            console.Write(files);
        }

        var quarantined = result.Files.Sum(f => f.RowsQuarantined - f.RowsPending);
        console.MarkupLine(CultureInfo.InvariantCulture,
            $"Loaded [green]{N(result.RowsLoaded)}[/] rows from {result.Files.Count(f => f.Status == FileStatus.Loaded)} file(s); " +
            $"[yellow]{N(quarantined)}[/] quarantined, {N(result.Files.Sum(f => f.RowsPending))} pending, {N(result.RowsReleased)} released from pending; " +
            $"{result.Files.Count(f => f.Status == FileStatus.AlreadyLoaded)} already loaded." +
            (quarantined > 0 ? " See the [bold]quarantine[/] table in the store for each row's file, line, field and rule." : ""));
    }

    private static string Status(FileResult file) => file.Status switch
    {
        FileStatus.Loaded => file.RowsQuarantined > 0 ? "[yellow]loaded with quarantine[/]" : "[green]loaded[/]",
        FileStatus.AlreadyLoaded => "[grey]already loaded[/]",
        FileStatus.Rejected => $"[red]rejected[/]: {Markup.Escape(file.Problem ?? "")}",
        _ => file.Status.ToString(),
    };

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
