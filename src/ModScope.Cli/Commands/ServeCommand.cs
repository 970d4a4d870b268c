using System.CommandLine;
using ModScope.Cli.Views;
using ModScope.Service;
using ModScope.Web;
using ModScope.Web.Access;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope serve [--store FILE] [--urls http://127.0.0.1:5080] [--analyst-token-file FILE] [--users-file FILE]
/// [--allowed-hosts NAME...] [--max-result-cells N] [--cache-mb N]</c>: the dashboard and its JSON API from one process,
/// offline. Viewers read; changing alerts needs the analyst token (or an analyst user, whose password hash
/// <c>serve --hash-password</c> prints from standard input). Secrets come from files or the environment:
/// <c>--analyst-token TOKEN</c> still works but warns, since a command line is readable by every user of the machine.
/// </summary>
internal static class ServeCommand
{
    private const string SecretOnCommandLine =
        "is on the command line, where other users of this machine can read it (ps, /proc) and your shell keeps it in its history";

    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Where to listen (default {DashboardOptions.DefaultUrl}, loopback only; use http://0.0.0.0:PORT to open it to the network, with --allowed-hosts).",
            AllowMultipleArgumentsPerToken = true,
        };
        var tokenFile = new Option<string?>("--analyst-token-file")
        {
            Description = "File holding the bearer token that grants the analyst role (acknowledge, resolve, snooze, label alerts). " +
                "Default: $MODSCOPE_ANALYST_TOKEN or the file named by $MODSCOPE_ANALYST_TOKEN_FILE; without one the dashboard is read-only.",
        };
        var token = new Option<string?>("--analyst-token") { Description = "Deprecated: the token would be visible to other users; use --analyst-token-file or $MODSCOPE_ANALYST_TOKEN." };
        var usersFile = new Option<string?>("--users-file")
        {
            Description = "File of users for HTTP basic auth, one name:role:hash per line (role viewer or analyst). Default: $MODSCOPE_USERS or the file named by $MODSCOPE_USERS_FILE.",
        };
        var hosts = new Option<string[]>("--allowed-hosts")
        {
            Description = "Host names the dashboard answers besides localhost/127.0.0.1/[::1] (others get 400, which stops DNS rebinding).",
            AllowMultipleArgumentsPerToken = true,
        };
        var cells = new Option<long?>("--max-result-cells") { Description = $"Largest answer, rows × columns (default {new DashboardLimits().MaxResultCells:N0}); larger requests get 400 asking to narrow them." };
        var cache = new Option<int?>("--cache-mb") { Description = $"Answer cache size in MB, least recently used first out (default {new DashboardLimits().CacheMegabytes})." };
        var hash = new Option<string?>("--hash-password")
        {
            Description = "Print the hash of a password for a users file (name:role:hash) and exit; the password is read from standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var config = new Option<string?>("--config")
        {
            Description = $"Service configuration (landing folder, schedules); default: {ServiceConfigLoader.FileName} beside the store, when there is one.",
        };
        var catalog = CatalogOption.Create();
        var engineOption = new EngineOption();
        store.Description = "DuckDB store: the data with --engine duckdb; with --engine clickhouse only the alerts and monitor runs (created if missing).";
        var command = new Command("serve", "Serve the dashboard (overview, explorer, alerts, data health) and its JSON API (OpenAPI at /openapi).")
        {
            store, urls, tokenFile, token, usersFile, hosts, cells, cache, hash, catalog, config,
        };
        engineOption.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            if (parsed.GetResult(hash) is not null)
            {
                await context.HelpOutput.WriteLineAsync(PasswordHash.Create(await PasswordAsync(context, parsed.GetValue(hash)).ConfigureAwait(false))).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            if (parsed.GetValue(token) is not null)
            {
                await context.Error.WriteLineAsync($"modscope: warning: --analyst-token is deprecated: the token {SecretOnCommandLine}. " +
                    "Put it in a file for --analyst-token-file FILE, or in the environment variable MODSCOPE_ANALYST_TOKEN.").ConfigureAwait(false);
            }
            var path = parsed.GetValue(store)!;
            var clickHouse = engineOption.IsClickHouse(parsed) ? engineOption.ClickHouse(parsed) : null;
            _ = clickHouse is not null || File.Exists(path) ? path : throw new IOException($"Store '{path}' does not exist; run 'modscope ingest' or 'modscope demo' first.");
            var service = parsed.GetValue(config) is { } file ? ServiceConfigLoader.Load(file)
                : ServiceConfigLoader.BesideStore(path) is { } beside ? ServiceConfigLoader.Load(beside) : null;
            var defaults = new DashboardLimits();
            var options = new DashboardOptions(path, parsed.GetValue(catalog), parsed.GetValue(token))
            {
                ClickHouse = clickHouse,
                AnalystTokenFile = Existing(parsed.GetValue(tokenFile), "--analyst-token-file"),
                UsersFile = Existing(parsed.GetValue(usersFile), "--users-file"),
                AllowedHosts = parsed.GetValue(hosts),
                // The CLI's write commands on this store come through the server while it runs (STORE.server.json).
                Commands = new Forwarding.InServerRunner(),
                Service = service,
                Limits = defaults with
                {
                    MaxResultCells = Positive(parsed.GetValue(cells) ?? defaults.MaxResultCells, "--max-result-cells"),
                    CacheMegabytes = (int)Positive(parsed.GetValue(cache) ?? defaults.CacheMegabytes, "--cache-mb", least: 0),
                },
            };
            ServiceView.Render(context.Out, service);
            await RunAsync(context, options, parsed.GetValue(urls) ?? [], cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Serves until Ctrl+C, printing the store, where it listens and who may use it (<see cref="ServiceView.RenderStart"/>).</summary>
    public static Task RunAsync(CliContext context, DashboardOptions options, IReadOnlyList<string> urls, CancellationToken cancellationToken) =>
        DashboardApp.RunAsync(options, urls.Count > 0 ? urls : [DashboardOptions.DefaultUrl], started => ServiceView.RenderStart(context.Out, started), cancellationToken);

    /// <summary>The password from standard input (first line); one given on the command line still works, with a warning.</summary>
    private static async Task<string> PasswordAsync(CliContext context, string? given)
    {
        if (given is not null)
        {
            await context.Error.WriteLineAsync($"modscope: warning: the password {SecretOnCommandLine}; run 'modscope serve --hash-password' and type it on standard input.").ConfigureAwait(false);
            return given;
        }
        var line = await context.In.ReadLineAsync().ConfigureAwait(false);
        return string.IsNullOrEmpty(line) ? throw new UsageException("--hash-password reads the password from standard input, and got none.") : line;
    }

    private static string? Existing(string? file, string option) =>
        file is null || File.Exists(file) ? file : throw new IOException($"{option}: '{file}' does not exist.");

    private static long Positive(long value, string option, long least = 1) =>
        value >= least && value <= int.MaxValue ? value : throw new UsageException($"{option} must be from {least} to {int.MaxValue}, not {value}.");
}
