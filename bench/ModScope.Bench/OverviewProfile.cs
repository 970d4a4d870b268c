using System.Globalization;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Monitor.Quality;
using ModScope.Query;
using ModScope.Reports;
using ModScope.Reports.Story;
using ModScope.Store;

namespace ModScope.Bench;

/// <summary>
/// The overview's requests one by one (its tiles against the previous period, its 12-week sparkline, and each slice of
/// the "what changed" line: the exec report's dimensions market, site, policy, queue but the one a filter narrows to one
/// value, with the metrics that have it, as <c>WhatChanged.SlicesAsync</c> writes them), for all markets, market=US and
/// region=SEA: what the door answers each from and the bench process's CPU per run (p50 of
/// <c>MODSCOPE_BENCH_PROFILE_RUNS</c>, 5, after one untimed run), through <see cref="MetricQuery"/> on the store, no cache.
/// </summary>
internal static class OverviewProfile
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("MODSCOPE_BENCH_PROFILE_RUNS"), out var n) && n > 0 ? n : 5;

    public static async Task RunAsync(string storePath, MetricCatalog catalog)
    {
        using var store = ModScopeStore.OpenReadOnly(storePath);
        using var engine = new DuckDbEngine(store);
        var query = new MetricQuery(catalog, engine);
        var last = await EngineWatermarks.LatestDecisionDayAsync(engine) ?? throw new InvalidOperationException($"bench: {storePath} holds no decisions.");
        var week = PeriodParser.Parse("last full week", "UTC", last.AddDays(1).ToDateTime(TimeOnly.MinValue));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The overview's requests ({week.Label}), each through the door without a cache: process CPU p50 of {Runs} runs (ms), wall p50 (ms), what answers it."));
        Console.WriteLine("| page | request | CPU p50 | wall p50 | answered from | load average |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var filter in new string?[] { null, "market=US", "region=SEA" })
        {
            var filters = filter is null ? new List<DimensionFilter>() : [DimensionFilter.Parse(filter)];
            var tiles = new MetricRequest(catalog.Roles.Overview.ToList(), [], TimeGrain.None, filters, week, Comparison.PreviousPeriod);
            var parts = new List<(string Name, MetricRequest Request)>
            {
                ("tiles vs previous", tiles),
                ("sparkline, 12 weeks", tiles with { Grain = TimeGrain.Week, Comparison = Comparison.None, Period = SparkPeriod(week) }),
            };
            var single = SegmentTargets.SegmentOf(filters);
            foreach (var dimension in StoryRules.Default.Dimensions(ReportAudience.Exec).Where(d => !single.ContainsKey(d)))
            {
                var needed = filters.Select(f => f.Dimension).Append(dimension).ToList();
                var metrics = tiles.Metrics.Where(id => needed.All(catalog.Metric(id).Dimensions.Contains)).ToList();
                parts.Add(($"what changed by {dimension} ({metrics.Count} metrics)", tiles with { Metrics = metrics, Dimensions = [dimension] }));
            }
            foreach (var (name, request) in parts)
            {
                var before = LoadAverage.Now();
                await query.RunAsync(request);
                var (cpu, wall) = (new List<double>(), new List<double>());
                for (var r = 0; r < Runs; r++)
                {
                    var started = Environment.CpuUsage.TotalTime;
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    await query.RunAsync(request);
                    wall.Add(clock.Elapsed.TotalMilliseconds);
                    cpu.Add((Environment.CpuUsage.TotalTime - started).TotalMilliseconds);
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {filter ?? "all markets"} | {name} | {Median(cpu):F0} | {Median(wall):F0} | {query.Plan(request).Answered} | {before} → {LoadAverage.Now()} |"));
            }
        }
    }

    /// <summary>The twelve whole ISO weeks ending with the week that holds the period's last day (the overview's sparkline).</summary>
    private static Period SparkPeriod(Period period)
    {
        var lastDay = period.End.AddDays(-1).Date;
        var end = lastDay.AddDays(7 - (((int)lastDay.DayOfWeek + 6) % 7));
        return new Period(end.AddDays(-7 * 12), end, period.TimeZone, $"12 weeks to {lastDay:yyyy-MM-dd}");
    }

    private static double Median(List<double> values) => values.Order().ElementAt((values.Count - 1) / 2);
}
