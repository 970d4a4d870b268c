using System.CommandLine;
using ModScope.Catalog;
using ModScope.Query;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope catalog doc [--lang] [--format md|html] [--out]</c> and <c>modscope catalog check</c>.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("catalog", "Work with the metric catalogue: write the data dictionary, or check a catalogue file.");
        command.Subcommands.Add(Doc(context));
        command.Subcommands.Add(Check(context));
        return command;
    }

    private static Command Doc(CliContext context)
    {
        var language = CommonOptions.Language();
        var format = new Option<string>("--format") { Description = "md or html.", DefaultValueFactory = _ => "md" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)." };
        var catalog = CatalogOption.Create();
        var command = new Command("doc",
            "Write the data dictionary: every metric's definition, formula in words and SQL, dimensions, owner, version history and lineage.")
        {
            language, format, output, catalog,
        };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, async () =>
        {
            var fmt = parsed.GetValue(format)!;
            if (fmt is not ("md" or "html"))
            {
                throw new UsageException($"--format must be md or html, not '{fmt}'.");
            }
            var loaded = CatalogOption.Load(parsed.GetValue(catalog));
            var planner = new QueryPlanner(loaded, DuckDbDialect.Instance);
            var sample = PeriodParser.Parse("last 4 weeks", "UTC", new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Unspecified));
            var text = DataDictionary.Render(loaded, parsed.GetValue(language)!, fmt,
                m => string.Join("\n\n", planner.Plan(new MetricRequest([m.Id], [], TimeGrain.None, [], sample)).Statements.Select(s => s.Sql)));
            if (parsed.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text).ConfigureAwait(false);
                context.Out.MarkupLine($"Wrote the data dictionary to [bold]{Markup.Escape(path)}[/].");
            }
            else
            {
                await context.HelpOutput.WriteAsync(text).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Check(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Catalogue YAML to check.", DefaultValueFactory = _ => CatalogOption.LocalPath };
        var command = new Command("check", "Validate a catalogue file and report every problem with its line and field.") { file };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, () =>
        {
            var loaded = CatalogLoader.Load(parsed.GetValue(file)!);
            context.Out.MarkupLine($"{Markup.Escape(loaded.File)}: {loaded.Metrics.Count} metrics, {loaded.Dimensions.Count} dimensions, no problems.");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
