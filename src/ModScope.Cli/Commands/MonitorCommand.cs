using System.CommandLine;
using ModScope.Monitor;
using ModScope.Monitor.Findings;
using ModScope.Query;
using ModScope.Cli.Views;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope monitor [--as-of DATE] [--backfill 60d]</c>: data-quality checks, then every catalogue metric over
/// its default segments; alerts are stored with their lifecycle and the top ones printed with explanations.
/// </summary>
internal static class MonitorCommand
{
    public static Command Create(CliContext context)
    {
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Judge the data as of the end of this day (default: today, or the newest decision day if earlier)." };
        var backfill = new Option<string>("--backfill") { Description = "Judge this many days up to --as-of (e.g. 60d), ending no later than the day the decisions are complete through; default: one day, the last complete one.", DefaultValueFactory = _ => "1d" };
        var top = new Option<int>("--top") { Description = "How many alerts to print.", DefaultValueFactory = _ => 10 };
        var store = CommonOptions.Store();
        store.Description = "DuckDB store: the data with --engine duckdb; with --engine clickhouse only the alerts and monitor runs (created if missing).";
        var language = CommonOptions.Language();
        var catalog = CatalogOption.Create();
        var engineOption = new EngineOption();
        var command = new Command("monitor", "Scan the core index and the data for anomalies; store alerts (new → acknowledged → resolved) with root causes.")
        {
            asOf, backfill, top, store, language, catalog,
        };
        engineOption.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var loaded = CatalogOption.Load(parsed.GetValue(catalog));
            var days = MonitorSetup.Days(parsed.GetValue(backfill)!);
            var onClickHouse = engineOption.IsClickHouse(parsed);
            using var opened = engineOption.OpenStore(parsed, parsed.GetValue(store)!, writable: true);
            var engine = engineOption.EngineFor(parsed, opened);
            using var disposeEngine = (IDisposable)engine;
            var latest = await MonitorSetup.LatestDecisionDayAsync(engine, cancellationToken).ConfigureAwait(false);
            var day = parsed.GetValue(asOf) ?? Min(DateOnly.FromDateTime(DateTime.UtcNow), latest);
            var outcome = await ProgressView.RunMonitor(context.Out, progress => new MonitorRunner(opened, loaded, new MetricQuery(loaded, engine))
            {
                Calendar = MonitorSetup.Calendar(engine),
                Quality = MonitorSetup.Quality(),
                DataEngine = onClickHouse ? engine : null,
                Progress = progress,
            }, day, days, cancellationToken).ConfigureAwait(false);
            AlertsView.RenderRun(context.Out, outcome, loaded, new FindingRenderer(loaded, engine.Reference, parsed.GetValue(language)!), parsed.GetValue(top));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
