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
/// hand-written DuckDB SQL on the same store; median of 11 alternating runs each, and the ratio.
/// </summary>
internal static class QueryBench
{
    private const int Runs = 11;

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
            Console.WriteLine("| request | ModScope ms (median of 11) | hand-written DuckDB ms | ratio |");
            Console.WriteLine("|---|---|---|---|");
            var connection = store.OpenConnection();
            await using (connection.ConfigureAwait(false))
            {
                foreach (var (name, request, sql) in cases)
                {
                    await query.RunAsync(request); // warm-up, both sides
                    _ = sql.Sum(s => Read(connection, s, end));
                    // Runs alternate, so drift on the machine (caches, other load) falls on both sides alike.
                    var (oursTimes, rawTimes) = (new List<double>(), new List<double>());
                    for (var i = 0; i < Runs; i++)
                    {
                        oursTimes.Add(await Time(() => query.RunAsync(request)));
                        rawTimes.Add(await Time(() => Task.FromResult(sql.Sum(s => Read(connection, s, end)))));
                    }
                    var (ours, raw) = (Median(oursTimes), Median(rawTimes));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ours:F1} | {raw:F1} | {ours / raw:F2} |"));
                }
            }
            Console.WriteLine("Target: every ratio <= 1.1.");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static readonly DateTime BenchEnd = new(2026, 11, 16);

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

    private static async Task<double> Time<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

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
