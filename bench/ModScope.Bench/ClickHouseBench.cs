using System.Diagnostics;
using System.Globalization;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.ClickHouse;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.Bench;

/// <summary>
/// The six core-index requests of <see cref="QueryBench"/> on the two-shard loopback ClickHouse cluster
/// (scripts/clickhouse-cluster.sh start) beside the embedded DuckDB store, same generated data; median of 5
/// alternating runs each; on ClickHouse each raw (<c>--exact</c>) and from the catalogue's rollup, which the loader keeps
/// (what the door answered from is printed). Loads both (timed) unless the kept store and database already hold the data.
/// </summary>
internal static class ClickHouseBench
{
    private const int Runs = 5;
    private const string Database = "modscope_bench";
    private static readonly Uri[] Nodes = [new("http://127.0.0.1:18123/"), new("http://127.0.0.1:18124/")];

    public static async Task<int> Run(long decisions, string? keepStore)
    {
        var dir = Directory.CreateTempSubdirectory("modscope-bench-ch-").FullName;
        try
        {
            var storePath = keepStore ?? Path.Combine(dir, "bench.duckdb");
            using var clickHouse = new ClickHouseEngine(new ClickHouseOptions(Nodes[0], Database) { ReadFinal = false, Nodes = Nodes });
            using var final = new ClickHouseEngine(new ClickHouseOptions(Nodes[0], Database));
            if (!File.Exists(storePath))
            {
                var perDay = (int)Math.Max(100, decisions / 90);
                Console.WriteLine($"Generating 90 days x {perDay:N0} decisions/day ...");
                var data = Path.Combine(dir, "data");
                await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, 90, perDay, 7));
                var watch = Stopwatch.StartNew();
                using (var loading = ModScopeStore.Open(storePath))
                {
                    await new Ingestor(loading).IngestAsync([data], new IngestOptions());
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DuckDB ingest: {watch.Elapsed.TotalSeconds:F1} s"));
                await ClickHouseSetup.DropAsync(Nodes, Database);
                await ClickHouseSetup.CreateAsync(Nodes, Database, ClickHouseOptions.DefaultCluster);
                watch.Restart();
                var loaded = await new ClickHouseLoader(clickHouse) { Catalog = CatalogLoader.LoadDefault() }.IngestAsync([data], new IngestOptions());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ClickHouse ingest (DuckDB validation + TSV to the Distributed tables + the rollup): {watch.Elapsed.TotalSeconds:F1} s, {loaded.RowsLoaded:N0} rows"));
                Directory.Delete(data, recursive: true);
            }
            using var store = ModScopeStore.Open(storePath);
            using var duck = new DuckDbEngine(store);
            var catalog = CatalogLoader.LoadDefault();
            var (onDuck, onClickHouse, onFinal) = (new MetricQuery(catalog, duck), new MetricQuery(catalog, clickHouse), new MetricQuery(catalog, final));
            var counts = await onClickHouse.RunAsync(new MetricRequest(["decision_volume"], [], TimeGrain.None, [],
                new Period(new DateTime(2026, 1, 1), new DateTime(2027, 1, 1), "UTC", "2026")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Decisions in ClickHouse: {counts.Single().Value:N0}"));

            Console.WriteLine();
            Console.WriteLine("| request | DuckDB raw ms (median of 5) | ClickHouse 2 shards, merged reads, raw ms | ratio | rollup ms | ClickHouse with FINAL, raw ms | rollup ms | ClickHouse answered from |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var (name, parts) in QueryBench.Requests().Select(r => (r.Name, new[] { r.Request })).Concat(Overviews()))
            {
                var raw = parts.Select(r => r with { Exact = true }).ToArray();
                MetricQuery[] queries = [onDuck, onClickHouse, onClickHouse, onFinal, onFinal];
                MetricRequest[][] requests = [raw, raw, parts, raw, parts];
                var times = queries.Select(_ => new List<double>()).ToList();
                for (var i = -1; i < Runs; i++)
                {
                    for (var q = 0; q < queries.Length; q++)
                    {
                        // The first round warms each path up and is not counted.
                        var ms = await Time(async () =>
                        {
                            foreach (var part in requests[q])
                            {
                                await queries[q].RunAsync(part);
                            }
                            return 0;
                        });
                        if (i >= 0)
                        {
                            times[q].Add(ms);
                        }
                    }
                }
                var m = times.Select(Median).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {m[0]:F1} | {m[1]:F1} | {m[1] / m[0]:F2} | {m[2]:F1} | {m[3]:F1} | {m[4]:F1} | {string.Join("; ", parts.Select(p => onClickHouse.Plan(p).Answered).Distinct())} |"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The dashboard's overview as its API asks it (DashboardBench): the nine core tiles over the bench's last week (a
    /// Monday to Monday), the week before, and twelve weekly points; all markets, and market=US.
    /// </summary>
    private static IEnumerable<(string Name, MetricRequest[] Requests)> Overviews()
    {
        string[] core = ["decision_volume", "automation_rate", "qa_accuracy", "over_enforcement_rate", "under_enforcement_rate",
            "sla_attainment", "tat_p90_hours", "appeal_overturn_rate", "cost_per_decision"];
        var week = new Period(QueryBench.BenchEnd.AddDays(-7), QueryBench.BenchEnd, "UTC", "last week");
        MetricRequest[] Overview(params DimensionFilter[] filters)
        {
            var request = new MetricRequest(core, [], TimeGrain.None, filters, week);
            return [request, request with { Period = week with { Start = week.Start.AddDays(-7), End = week.Start } },
                request with { Grain = TimeGrain.Week, Period = new Period(week.End.AddDays(-84), week.End, "UTC", "12 weeks") }];
        }
        yield return ("overview (9 tiles, previous week, 12-week sparklines)", Overview());
        yield return ("overview, market=US", Overview(DimensionFilter.Parse("market=US")));
    }

    private static async Task<double> Time<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
