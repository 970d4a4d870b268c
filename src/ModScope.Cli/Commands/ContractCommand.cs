using System.CommandLine;
using ModScope.Ingest;
using ModScope.Sources;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope contract export [--mapping] [--format md|json-schema] [--out]</c> and
/// <c>modscope contract check FILE... [--mapping] [--assume-timezone]</c> (exit 1 when a row would be quarantined).
/// </summary>
internal static class ContractCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("contract", "What a producer must send (columns, types, values, rules), and a check of their files against it.");
        command.Subcommands.Add(Export(context));
        command.Subcommands.Add(Check(context));
        return command;
    }

    private static Option<string?> MappingOption() => new("--mapping")
    {
        Description = "Source mapping (YAML); default: catalog/sources.yaml when it exists, else ModScope's own names.",
    };

    private static Command Export(CliContext context)
    {
        var mapping = MappingOption();
        var format = new Option<string>("--format") { Description = "md or json-schema.", DefaultValueFactory = _ => "md" };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)." };
        var command = new Command("export", "Write the data contract: per table, the columns a producer sends under the mapping, their types, allowed values and rules.")
        {
            mapping, format, output,
        };
        command.SetAction((parsed, _) => CliApp.Guard(context, parsed, async () =>
        {
            var fmt = parsed.GetValue(format)!;
            if (!ContractWriter.Formats.Contains(fmt))
            {
                throw new UsageException($"--format must be one of {string.Join(", ", ContractWriter.Formats)}, not '{fmt}'.");
            }
            var text = ContractWriter.Write(SourceMappingParser.LoadOrDefault(parsed.GetValue(mapping)), fmt);
            if (parsed.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, text).ConfigureAwait(false);
                context.Out.MarkupLine($"Wrote the data contract to [bold]{Markup.Escape(path)}[/].");
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
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to check, as for ingest.", Arity = ArgumentArity.OneOrMore };
        var mapping = MappingOption();
        var timeZone = new Option<string?>("--assume-timezone") { Description = "As for ingest: IANA time zone of timestamps without a UTC offset." };
        var command = new Command("check",
            "Run ingest's validation on files without a store and print every row that would be quarantined (file, line, field, rule); " +
            "exit 1 when any would be (rows waiting for their decision are listed but do not fail the check).")
        {
            paths, mapping, timeZone,
        };
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var options = new IngestOptions(AssumeTimeZone: parsed.GetValue(timeZone), Mapping: SourceMappingParser.LoadOrDefault(parsed.GetValue(mapping)));
            var (result, findings) = await ContractCheck.RunAsync(parsed.GetValue(paths)!, options, cancellationToken).ConfigureAwait(false);
            foreach (var finding in findings)
            {
                await context.HelpOutput.WriteLineAsync(finding.ToString()).ConfigureAwait(false);
            }
            foreach (var file in result.Files)
            {
                await context.HelpOutput.WriteLineAsync($"{file.Path}: read {file.RowsRead}, would load {file.RowsLoaded}, would quarantine {file.RowsQuarantined}").ConfigureAwait(false);
            }
            return findings.Any(f => f.Rule != QuarantineRules.OrphanReference) ? ExitCodes.BadInput : ExitCodes.Ok;
        }));
        return command;
    }
}
