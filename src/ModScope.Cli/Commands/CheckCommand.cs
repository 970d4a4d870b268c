using System.CommandLine;
using ModScope.Store;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope check [--store]</c>: verifies a store's integrity (checksums, schema version, orphan rows, counts).</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var command = new Command("check",
            "Verify a store: read every block (DuckDB checks its checksum), the schema version, orphan rows and each file's counts. " +
            "Changes no data; a store that passes loses the mark a damaged store gets.")
        {
            store,
        };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            var path = parsed.GetValue(store)!;
            var result = StoreCheck.Run(path);
            foreach (var item in result.Checked)
            {
                context.Out.MarkupLine($"[green]ok[/]       {Markup.Escape(item)}");
            }
            foreach (var problem in result.Problems)
            {
                context.Out.MarkupLine($"[red]problem[/]  {Markup.Escape(problem)}");
            }
            context.Out.MarkupLine(result.Sound
                ? $"Store {Markup.Escape(path)} is sound."
                : $"Store {Markup.Escape(path)} has {result.Problems.Count} problem(s); restore it from a backup or reload its files into a new store.");
            return Task.FromResult(result.Sound ? ExitCodes.Ok : ExitCodes.BadInput);
        }));
        return command;
    }
}
