using System.Diagnostics;
using System.Globalization;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Monitor;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Quality;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Bench;

/// <summary>
/// The monitor's run as <c>modscope monitor</c> makes it (<see cref="MonitorRunner"/> with the shipped calendar and
/// data-quality settings, as of the newest day whose decisions are complete): one new day (a backfill of the freshness lag
/// plus one day, the least that judges that day) and a 90-day backfill, with
/// the rollup and raw (the same catalogue without its rollup). Each run stores its alerts, as the command does.
/// </summary>
internal static class MonitorBench
{
    public static async Task RunAsync(string storePath, MetricCatalog rollup, MetricCatalog raw)
    {
        using var store = ModScopeStore.Open(storePath);
        using var engine = new DuckDbEngine(store);
        var latest = await EngineWatermarks.LatestDecisionDayAsync(engine) ?? throw new InvalidOperationException($"bench: {storePath} holds no decisions to monitor.");
        // The newest day the monitor judges (its decisions complete): as of the newest decision day a run of one day is skipped.
        var marks = await DataQualityChecks.WatermarksAsync(engine, latest, QualitySettingsLoader.LoadDefault(), CancellationToken.None);
        var asOf = marks.FirstOrDefault(m => m.Source == "decisions")?.CompleteThrough ?? throw new InvalidOperationException($"bench: {storePath}: no day of decisions is complete as of {latest:yyyy-MM-dd}.");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Monitor as of {asOf:yyyy-MM-dd} (MonitorRunner as `modscope monitor` runs it; alerts stored):"));
        Console.WriteLine("| monitor run | side | wall s | series scanned | alerts opened / updated | load average (1 min) before → after |");
        Console.WriteLine("|---|---|---|---|---|---|");
        // The run judges days up to the watermark, which lags the data by the freshness allowance: `--backfill 1d` lies
        // after it and is skipped; the newest day is judged with the lag's days too (2 days with the shipped settings).
        var newDay = 1 + (int)Math.Ceiling(QualitySettingsLoader.LoadDefault().Freshness.HoursFor("decisions") / 24);
        foreach (var days in (int[])[newDay, 90])
        {
            foreach (var (side, catalog) in new (string, MetricCatalog)[] { ("rollup", rollup), ("raw", raw) })
            {
                var before = LoadAverage.Now();
                var runner = new MonitorRunner(store, catalog, new MetricQuery(catalog, engine))
                {
                    Calendar = EventCalendar.LoadDefault(engine.Reference.Markets),
                    Quality = QualitySettingsLoader.LoadDefault(),
                };
                var watch = Stopwatch.StartNew();
                var outcome = await runner.RunAsync(asOf, days);
                var seconds = watch.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(days == newDay ? $"the newest complete day (--backfill {days}d)" : $"backfill {days} days")} | {side} | {seconds:F1} | {outcome.Summary.SeriesScanned:N0} | {outcome.Summary.Opened} / {outcome.Summary.Updated} | {before} → {LoadAverage.Now()} |"));
            }
        }
    }
}
