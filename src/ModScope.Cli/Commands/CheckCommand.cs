using System.CommandLine;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Findings;
using ModScope.Store;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope check [--store] [--lang]</c>: verifies a store's integrity (checksums, schema version, orphan rows,
/// counts); each item is worded in the language by <see cref="FindingRenderer"/>, as the monitor's findings are.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var language = CommonOptions.Language();
        var command = new Command("check",
            "Verify a store: read every block (DuckDB checks its checksum), the schema version, orphan rows and each file's counts. " +
            "Changes no data; a store that passes loses the mark a damaged store gets.")
        {
            store, language,
        };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            var path = parsed.GetValue(store)!;
            var result = StoreCheck.Run(path);
            // The check's words name no metric and no place: the shipped catalogue and no reference data (the store may be unreadable).
            var words = new FindingRenderer(CatalogLoader.LoadDefault(), ReferenceData.Empty, parsed.GetValue(language)!);
            var ok = words.Say("check.ok");
            var problem = words.Say("check.problem");
            var width = Math.Max(ok.Length, problem.Length) + 2;
            foreach (var item in result.Checked)
            {
                context.Out.MarkupLine($"[green]{Markup.Escape(ok.PadRight(width))}[/]{Markup.Escape(words.Render(StoreCheckFindings.Of(item)))}");
            }
            foreach (var item in result.Problems)
            {
                context.Out.MarkupLine($"[red]{Markup.Escape(problem.PadRight(width))}[/]{Markup.Escape(words.Render(StoreCheckFindings.Of(item)))}");
            }
            var storeName = ("store", FindingFacts.Text(path));
            context.Out.MarkupLine(Markup.Escape(result.Sound
                ? words.Say("check.sound", storeName)
                : words.Say("check.unsound", storeName, ("count", FindingFacts.Count(result.Problems.Count)))));
            return Task.FromResult(result.Sound ? ExitCodes.Ok : ExitCodes.BadInput);
        }));
        return command;
    }
}
