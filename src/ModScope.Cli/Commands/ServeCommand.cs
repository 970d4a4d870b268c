using System.CommandLine;
using ModScope.Web;
using ModScope.Web.Access;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope serve [--store FILE] [--urls http://127.0.0.1:5080] [--analyst-token TOKEN]</c>: the dashboard and its
/// JSON API from one process, offline. Viewers read; changing alerts needs the analyst token (or an analyst user of
/// MODSCOPE_USERS, whose password hashes <c>serve --hash-password</c> prints).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var store = CommonOptions.Store();
        var urls = new Option<string[]>("--urls")
        {
            Description = $"Where to listen (default {DashboardOptions.DefaultUrl}, loopback only; use http://0.0.0.0:PORT to open it to the network).",
            AllowMultipleArgumentsPerToken = true,
        };
        var token = new Option<string?>("--analyst-token")
        {
            Description = "Bearer token that grants the analyst role (acknowledge, resolve, snooze alerts). Default: $MODSCOPE_ANALYST_TOKEN; without one the dashboard is read-only.",
        };
        var hash = new Option<string?>("--hash-password") { Description = "Print the hash of a password for MODSCOPE_USERS (name:role:hash;...) and exit." };
        var catalog = CatalogOption.Create();
        var engineOption = new EngineOption();
        store.Description = "DuckDB store: the data with --engine duckdb; with --engine clickhouse only the alerts and monitor runs (created if missing).";
        var command = new Command("serve", "Serve the dashboard (overview, explorer, alerts, data health) and its JSON API (OpenAPI at /openapi).")
        {
            store, urls, token, hash, catalog,
        };
        engineOption.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            if (parsed.GetValue(hash) is { } password)
            {
                await context.HelpOutput.WriteLineAsync(PasswordHash.Create(password)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var path = parsed.GetValue(store)!;
            var clickHouse = engineOption.IsClickHouse(parsed) ? engineOption.ClickHouse(parsed) : null;
            _ = clickHouse is not null || File.Exists(path) ? path : throw new IOException($"Store '{path}' does not exist; run 'modscope ingest' or 'modscope demo' first.");
            var options = new DashboardOptions(path, parsed.GetValue(catalog), parsed.GetValue(token)) { ClickHouse = clickHouse };
            await RunAsync(context, options, parsed.GetValue(urls) ?? [], cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Serves until Ctrl+C, printing where.</summary>
    public static Task RunAsync(CliContext context, DashboardOptions options, IReadOnlyList<string> urls, CancellationToken cancellationToken) =>
        DashboardApp.RunAsync(options, urls.Count > 0 ? urls : [DashboardOptions.DefaultUrl],
            url => context.Out.MarkupLine($"Dashboard: [bold]{Markup.Escape(url)}[/]  (Ctrl+C to stop)"), cancellationToken);
}
