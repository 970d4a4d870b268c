using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.Bench;

/// <summary>
/// Six typical core-index requests through ModScope (plan, SQL, evaluation with intervals and tests) and as
/// hand-written DuckDB SQL on the same store; after 5 warm-up passes over all six and 5 more runs of each, median of 21 alternating runs each, the ratio
/// of the medians and the spread.
/// </summary>
internal static class QueryBench
{
    private const int Runs = 21;
    private const int WarmUps = 5;
    private const int WarmUpPasses = 5;

    public static async Task<int> Run(long decisions, string? keepStore)
    {
        var dir = Directory.CreateTempSubdirectory("modscope-bench-q-").FullName;
        try
        {
            var storePath = keepStore ?? Path.Combine(dir, "bench.duckdb");
            if (!File.Exists(storePath))
            {
                var perDay = (int)Math.Max(100, decisions / 90);
                Console.WriteLine($"Generating 90 days x {perDay:N0} decisions/day and loading them into {storePath} ...");
                var data = Path.Combine(dir, "data");
                await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, 90, perDay, 7));
                using var loading = ModScopeStore.Open(storePath);
                await new Ingestor(loading).IngestAsync([data], new IngestOptions());
                Directory.Delete(data, recursive: true);
            }
            using var store = ModScopeStore.Open(storePath);
            using var engine = new DuckDbEngine(store);
            var query = new MetricQuery(CatalogLoader.LoadDefault(), engine);
            var end = BenchEnd;
            string[][] sqls = [[HandSql.VolumeByMarketByDay], [HandSql.AccuracyStrataBySiteByWeek], [HandSql.TatP90ByQueue],
                [HandSql.SlaByMarket, HandSql.SlaByMarketPrevious], [HandSql.CostPerDecisionBySiteByMonth], [HandSql.OverturnByPolicy]];
            var cases = Requests().Select((c, i) => (c.Name, c.Request, Sql: sqls[i])).ToList();
            Console.WriteLine();
            Console.WriteLine($"Load average at start: {LoadAverage()}");
            Console.WriteLine($"| request | ModScope ms, median of {Runs} (min–max) | hand-written DuckDB ms (min–max) | ratio of medians | run-by-run ratio, middle half | CPU ms ModScope / hand (ratio) |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var connection = store.OpenConnection();
            await using (connection.ConfigureAwait(false))
            {
                // Warm-up passes over every request on both sides first: the tables' pages are read, and the code of
                // both sides (ModScope's and DuckDB.NET's reader) is called past .NET's tier-up threshold (30 calls),
                // so the runs compare the JIT's optimised code, not its first quick compile (a few ms per request).
                for (var pass = 0; pass < WarmUpPasses; pass++)
                {
                    foreach (var (_, request, sql) in cases)
                    {
                        await query.RunAsync(request);
                        _ = sql.Sum(s => Read(connection, s, end));
                    }
                }
                foreach (var (name, request, sql) in cases)
                {
                    Task<(double Wall, double Cpu)> Ours() => Time(() => query.RunAsync(request));
                    Task<(double Wall, double Cpu)> Raw() => Time(() => Task.FromResult(sql.Sum(s => Read(connection, s, end))));
                    // Warm-up on both sides: the store's pages, DuckDB's caches and the JIT's optimised code.
                    for (var i = 0; i < WarmUps; i++)
                    {
                        await Ours();
                        await Raw();
                    }
                    // Runs alternate, and so does which side goes first, so drift on the machine (caches, other
                    // load) falls on both sides alike; each run is paired with its neighbour for the ratio spread.
                    var (oursTimes, rawTimes) = (new List<(double Wall, double Cpu)>(), new List<(double Wall, double Cpu)>());
                    for (var i = 0; i < Runs; i++)
                    {
                        if (i % 2 == 0)
                        {
                            oursTimes.Add(await Ours());
                            rawTimes.Add(await Raw());
                        }
                        else
                        {
                            rawTimes.Add(await Raw());
                            oursTimes.Add(await Ours());
                        }
                    }
                    var ratios = oursTimes.Zip(rawTimes, (o, r) => o.Wall / r.Wall).Order().ToList();
                    var (oursWall, rawWall) = (oursTimes.Select(t => t.Wall).ToList(), rawTimes.Select(t => t.Wall).ToList());
                    var (ours, raw) = (Median(oursWall), Median(rawWall));
                    var (oursCpu, rawCpu) = (Median(oursTimes.Select(t => t.Cpu).ToList()), Median(rawTimes.Select(t => t.Cpu).ToList()));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {ours:F1} ({oursWall.Min():F1}–{oursWall.Max():F1}) | {raw:F1} ({rawWall.Min():F1}–{rawWall.Max():F1}) | {ours / raw:F2} " +
                        $"| {ratios[Runs / 4]:F2}–{ratios[Runs - 1 - Runs / 4]:F2} | {oursCpu:F1} / {rawCpu:F1} ({oursCpu / rawCpu:F2}) |"));
                }
            }
            Console.WriteLine($"Load average at end: {LoadAverage()}");
            Console.WriteLine("Target: every ratio <= 1.1.");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static readonly DateTime BenchEnd = new(2026, 11, 16);

    /// <summary>The six benchmark requests (also run on ClickHouse by <see cref="ClickHouseBench"/>).</summary>
    public static IReadOnlyList<(string Name, MetricRequest Request)> Requests()
    {
        var weeks = new Period(BenchEnd.AddDays(-28), BenchEnd, "UTC", "4 weeks");
        var quarter = new Period(new DateTime(2026, 9, 1), new DateTime(2026, 11, 1), "UTC", "2 months");
        return
        [
            ("volume by market by day", new MetricRequest(["decision_volume"], ["market"], TimeGrain.Day, [], weeks)),
            ("accuracy by site by week with CI", new MetricRequest(["qa_accuracy"], ["site"], TimeGrain.Week, [], weeks)),
            ("TAT p90 by queue", new MetricRequest(["tat_p90_hours"], ["queue"], TimeGrain.None, [], weeks)),
            ("SLA attainment by market vs previous", new MetricRequest(["sla_attainment"], ["market"], TimeGrain.None, [], weeks, Comparison.PreviousPeriod)),
            ("cost per decision by site by month", new MetricRequest(["cost_per_decision"], ["site"], TimeGrain.Month, [], quarter)),
            ("overturn rate by policy", new MetricRequest(["appeal_overturn_rate"], ["policy"], TimeGrain.None, [], quarter)),
        ];
    }

    /// <summary>Wall time and process CPU time of one run, ms.</summary>
    private static async Task<(double Wall, double Cpu)> Time<T>(Func<Task<T>> action)
    {
        var cpu = QueryCpuClock.NowMs();
        var watch = Stopwatch.StartNew();
        await action();
        return (watch.Elapsed.TotalMilliseconds, QueryCpuClock.NowMs() - cpu);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Runs a statement and reads every value of every row, as a consumer would.</summary>
    private static int Read(DuckDBConnection connection, string sql, DateTime end)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("end", end));
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows++;
        }
        return rows;
    }
}
