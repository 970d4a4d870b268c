using System.CommandLine;
using ModScope.Catalog;
using ModScope.Cli.Commands;
using ModScope.Common;
using ModScope.Query;
using ModScope.Store;
using Spectre.Console;

namespace ModScope.Cli;

/// <summary>The <c>modscope</c> command tree and the one place that turns failures into exit codes.</summary>
public static class CliApp
{
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces on errors.",
        Recursive = true,
    };

    /// <summary>The command's name in usage lines and messages, whether run as the installed tool or with <c>dotnet run</c>.</summary>
    public const string Name = "modscope";

    /// <summary>
    /// The command tree. Its root is a plain command named <see cref="Name"/> (a <see cref="RootCommand"/> would take
    /// the executable's file name, <c>ModScope.Cli</c> under <c>dotnet run</c>), with the help and version options a root has.
    /// </summary>
    public static Command Build(CliContext context)
    {
        var root = new Command(Name,
            "ModScope: analytics for content-moderation operations. Ingest decisions, QA audits, appeals and staffing; " +
            "compute the core index; monitor it; report on it.");
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(Verbose);
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(CheckCommand.Create(context));
        root.Subcommands.Add(MetricsCommand.Create(context));
        root.Subcommands.Add(CatalogCommand.Create(context));
        root.Subcommands.Add(ContractCommand.Create(context));
        root.Subcommands.Add(QueryCommand.Create(context));
        root.Subcommands.Add(SampleSizeCommand.Create(context));
        root.Subcommands.Add(DetectCommand.Create(context));
        root.Subcommands.Add(MonitorCommand.Create(context));
        root.Subcommands.Add(AlertsCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(ForecastCommand.Create(context));
        root.Subcommands.Add(PlanCommand.Create(context));
        root.Subcommands.Add(OpportunitiesCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(DeliveriesCommand.Create(context));
        root.Subcommands.Add(TestSendCommand.Create(context));
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliContext context) => RunAsync(args, context, CancellationToken.None);

    /// <summary>
    /// Runs a command line. A write command on a store that <c>modscope serve</c> holds is forwarded to the server
    /// (<see cref="Forwarding.CommandForwarder"/>), which runs it the same way and answers its output and exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.CommandResult.Command == root
            && args.FirstOrDefault(a => !a.StartsWith('-')) is { } unknown && root.Subcommands.All(c => c.Name != unknown))
        {
            // An unknown command is one line naming it, with the nearest commands, not System.CommandLine's two
            // ("Required command was not provided." and "Unrecognized command or argument").
            var suggestion = NearMatch.SuggestOrStop(unknown, root.Subcommands.Select(c => c.Name));
            await context.Error.WriteLineAsync($"{Name}: '{unknown}' is not a command{suggestion} (see '{Name} --help')").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        if (parsed.Errors.Count > 0)
        {
            // One line per error, the last one saying where the usage is: "modscope: --grain: 'weekly' is not one of ...".
            var path = new List<string>();
            for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                path.Insert(0, result.Command.Name);
            }
            var help = $"{string.Join(' ', path)} --help";
            for (var i = 0; i < parsed.Errors.Count; i++)
            {
                var text = ParseErrorText.Describe(parsed.Errors[i]);
                await context.Error.WriteLineAsync(i < parsed.Errors.Count - 1 ? $"{Name}: {text}" : $"{Name}: {text} (see '{help}')").ConfigureAwait(false);
            }
            return ExitCodes.Usage;
        }
        if (Forwarding.CommandForwarder.Target(parsed, context) is { } server)
        {
            var forwarded = await Guard(context, parsed, async () =>
                await Forwarding.CommandForwarder.ForwardAsync(parsed, server, context, cancellationToken).ConfigureAwait(false) ?? -1).ConfigureAwait(false);
            if (forwarded >= 0)
            {
                return forwarded;
            }
        }
        // Inside the server a forwarded command must not take over the process's Ctrl+C handling.
        var invocation = new InvocationConfiguration
        {
            Output = context.HelpOutput,
            Error = context.Error,
            ProcessTerminationTimeout = context.InServer ? null : new InvocationConfiguration().ProcessTerminationTimeout,
        };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a command body, mapping exceptions to one stderr line and an exit code.</summary>
    public static async Task<int> Guard(CliContext context, ParseResult parsed, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            return await Fail(context, parsed, ex, ExitCodes.Usage).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            await context.Error.WriteLineAsync("modscope: cancelled; the store is unchanged.").ConfigureAwait(false);
            return parsed.GetValue(Verbose) ? await Fail(context, parsed, ex, ExitCodes.BadInput).ConfigureAwait(false) : ExitCodes.BadInput;
        }
        catch (CatalogException ex)
        {
            // Every problem, one per line: the catalogue is fixed in one pass.
            await context.Error.WriteLineAsync($"modscope: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (ModScopeException ex)
        {
            // Every error the user can act on (bad input, not found, a refused statement): one line, exit 1.
            return await Fail(context, parsed, ex, ExitCodes.BadInput).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return await Fail(context, parsed, ex, ExitCodes.BadInput).ConfigureAwait(false);
        }
        catch (Exception ex) when (Damage(ex) is { } damage)
        {
            // A damaged block met by any command: marked, so no command writes into the store until check passes.
            var store = (parsed.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--store") is Option<string> option ? parsed.GetValue(option) : null)
                        ?? Commands.CommonOptions.DefaultStore;
            return await Fail(context, parsed, StoreErrors.Translate(damage, store)!, ExitCodes.BadInput).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The CLI is the last line: every failure becomes one readable line and an exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // One line without the exception's type name; --verbose shows the rest.
            await context.Error.WriteLineAsync($"modscope: internal error: {OneLine(ex.Message)} (rerun with --verbose and report it)").ConfigureAwait(false);
            if (parsed.GetValue(Verbose))
            {
                await context.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }
            return ExitCodes.BadInput;
        }
    }

    /// <summary>The DuckDB error about a damaged block somewhere in <paramref name="error"/>'s chain, or null.</summary>
    private static DuckDB.NET.Data.DuckDBException? Damage(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(Damage).FirstOrDefault(d => d is not null) is { } inner)
            {
                return inner;
            }
            if (e is DuckDB.NET.Data.DuckDBException duck && StoreErrors.IsDamage(duck.Message))
            {
                return duck;
            }
        }
        return null;
    }

    private static async Task<int> Fail(CliContext context, ParseResult parsed, Exception ex, int code)
    {
        await context.Error.WriteLineAsync($"modscope: {OneLine(ex.Message)}").ConfigureAwait(false);
        if (parsed.GetValue(Verbose))
        {
            await context.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
        }
        return code;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
