using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Query.Rollups;
using ModScope.Query;
using ModScope.Store;
using ModScope.Synthetic;
using ModScope.Web;

namespace ModScope.Bench;

/// <summary>
/// The API calls behind the overview and the explorer, over loopback HTTP to a running dashboard: the first call (which
/// computes) and p50/p95 of <see cref="Runs"/> repeated calls (answered from the dashboard's result cache); next to them the raw DuckDB time of the same statements (the metric requests'
/// SQL run one after another on one connection, every value read). Target: p95 under 200 ms at 10M decisions.
/// </summary>
internal static class DashboardBench
{
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("MODSCOPE_BENCH_RUNS"), out var runs) && runs > 0 ? runs : 40;

    public static async Task<int> Run(long decisions, string? keepStore)
    {
        var dir = Directory.CreateTempSubdirectory("modscope-bench-web-").FullName;
        try
        {
            var storePath = keepStore ?? Path.Combine(dir, "bench.duckdb");
            var days = 90;
            if (!File.Exists(storePath))
            {
                var perDay = (int)Math.Max(100, decisions / days);
                Console.WriteLine($"Generating {days} days x {perDay:N0} decisions/day and loading them into {storePath} ...");
                var data = Path.Combine(dir, "data");
                await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, days, perDay, 7));
                using var loading = ModScopeStore.Open(storePath);
                await new Ingestor(loading) { Maintenance = new RollupMaintainer(CatalogLoader.LoadDefault()) }.IngestAsync([data], new IngestOptions());
                Directory.Delete(data, recursive: true);
            }
            await using var app = DashboardApp.Build([], new DashboardOptions(storePath), ["http://127.0.0.1:0"]);
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

            // The same requests the endpoints make, to time their SQL raw.
            var catalog = CatalogLoader.LoadDefault();
            using var rawStore = ModScopeStore.Open(storePath);
            using var engine = new DuckDbEngine(rawStore);
            var query = new MetricQuery(catalog, engine);
            long count;
            DateTime now;
            using (var c = rawStore.OpenConnection())
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT count(*), max(decided_at)::DATE + 1 FROM decisions";
                using var r = cmd.ExecuteReader();
                r.Read();
                (count, now) = (r.GetInt64(0), r.GetDateTime(1));
            }
            var week = PeriodParser.Parse("last full week", "UTC", now);
            string[] core = ["decision_volume", "automation_rate", "qa_accuracy", "over_enforcement_rate", "under_enforcement_rate",
                "sla_attainment", "tat_p90_hours", "appeal_overturn_rate", "cost_per_decision"];
            MetricRequest[] Overview(params DimensionFilter[] filters)
            {
                var request = new MetricRequest(core, [], TimeGrain.None, filters, week, Comparison.PreviousPeriod);
                return [request with { Comparison = Comparison.None }, request with { Comparison = Comparison.None, Period = PeriodParser.Compare(week, Comparison.PreviousPeriod) },
                    request with { Comparison = Comparison.None, Grain = TimeGrain.Week, Period = new Period(week.End.AddDays(-84), week.End, "UTC", "12 weeks") }];
            }
            var us = DimensionFilter.Parse("market=US");
            var explorer = new MetricRequest(["decision_volume", "qa_accuracy", "sla_attainment"], ["market"], TimeGrain.None, [], week, Comparison.PreviousPeriod);
            var daily = new MetricRequest(["decision_volume"], ["market"], TimeGrain.Day, [], PeriodParser.Parse("last 4 weeks", "UTC", now));
            var drill = new MetricRequest(["decision_volume", "qa_accuracy"], ["queue"], TimeGrain.None, [us], week, Comparison.PreviousPeriod);
            MetricRequest[] WithComparison(MetricRequest r) => [r with { Comparison = Comparison.None }, r with { Comparison = Comparison.None, Period = PeriodParser.Compare(r.Period, r.Comparison) }];
            var cases = new (string Name, string Url, MetricRequest[] Requests)[]
            {
                ("overview (9 tiles, sparklines)", "/api/overview", Overview()),
                ("overview, market=US", "/api/overview?filter=market=US", Overview(us)),
                ("explorer: 3 metrics by market vs previous", "/api/query?metric=decision_volume,qa_accuracy,sla_attainment&by=market&compare=previous", WithComparison(explorer)),
                ("explorer: volume by market by day, 4 weeks", "/api/query?metric=decision_volume&by=market&grain=day&period=last%204%20weeks", [daily]),
                ("explorer drill: market=US by queue vs previous", "/api/query?metric=decision_volume,qa_accuracy&by=queue&filter=market=US&compare=previous", WithComparison(drill)),
            };

            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Store: {count:N0} decisions. first call computes; then 2 warm-up calls and {Runs} timed loopback calls (served from the result cache until the data changes)."));
            Console.WriteLine("| API call | first call ms | p50 ms | p95 ms | raw DuckDB p50 ms | raw DuckDB p95 ms |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var connection = rawStore.OpenConnection();
            await using (connection.ConfigureAwait(false))
            {
                foreach (var (name, url, requests) in cases)
                {
                    var statements = requests.SelectMany(r => query.Plan(r).Statements).ToList();
                    if (Environment.GetEnvironmentVariable("MODSCOPE_BENCH_PROFILE") == "1")
                    {
                        foreach (var statement in statements)
                        {
                            var timer = Stopwatch.StartNew();
                            var n = Read(connection, statement);
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {timer.Elapsed.TotalMilliseconds,8:F1} ms  {n,5} rows  {statement.Purpose}"));
                        }
                    }
                    // The first call computes (the result cache is empty for this request); later ones reuse it until data changes.
                    var cold = Stopwatch.StartNew();
                    (await http.GetAsync(url)).EnsureSuccessStatusCode();
                    var coldMs = cold.Elapsed.TotalMilliseconds;
                    for (var i = 0; i < 2; i++)
                    {
                        (await http.GetAsync(url)).EnsureSuccessStatusCode();
                        _ = statements.Sum(s => Read(connection, s));
                    }
                    var (api, raw) = (new List<double>(), new List<double>());
                    for (var i = 0; i < Runs; i++)
                    {
                        var watch = Stopwatch.StartNew();
                        using (var response = await http.GetAsync(url))
                        {
                            _ = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
                        }
                        api.Add(watch.Elapsed.TotalMilliseconds);
                        watch.Restart();
                        _ = statements.Sum(s => Read(connection, s));
                        raw.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {coldMs:F1} | {P(api, 0.5):F1} | {P(api, 0.95):F1} | {P(raw, 0.5):F1} | {P(raw, 0.95):F1} |"));
                }
            }
            Console.WriteLine("Target: every API p95 < 200 ms at 10M decisions. Raw = the requests' SQL run one after another (the API runs a request's statements side by side).");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double P(List<double> values, double q) => values.Order().ElementAt((int)Math.Ceiling(q * values.Count) - 1);

    private static int Read(DuckDBConnection connection, PlannedStatement statement)
    {
        using var command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (var (key, value) in statement.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(key, value ?? DBNull.Value));
        }
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
