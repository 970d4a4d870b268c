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
/// alternating runs each. Loads both (timed) unless the kept store and database already hold the data.
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
                var loaded = await new ClickHouseLoader(clickHouse).IngestAsync([data], new IngestOptions());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ClickHouse ingest (DuckDB validation + TSV to the Distributed tables): {watch.Elapsed.TotalSeconds:F1} s, {loaded.RowsLoaded:N0} rows"));
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
            Console.WriteLine("| request | DuckDB ms (median of 5) | ClickHouse 2 shards, merged reads ms | ratio | ClickHouse with FINAL ms |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (name, request) in QueryBench.Requests())
            {
                await onDuck.RunAsync(request);
                await onClickHouse.RunAsync(request);
                await onFinal.RunAsync(request);
                var (duckTimes, clickTimes, finalTimes) = (new List<double>(), new List<double>(), new List<double>());
                for (var i = 0; i < Runs; i++)
                {
                    duckTimes.Add(await Time(() => onDuck.RunAsync(request)));
                    clickTimes.Add(await Time(() => onClickHouse.RunAsync(request)));
                    finalTimes.Add(await Time(() => onFinal.RunAsync(request)));
                }
                var (d, c, f) = (Median(duckTimes), Median(clickTimes), Median(finalTimes));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {d:F1} | {c:F1} | {c / d:F2} | {f:F1} |"));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<double> Time<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
