using System.Globalization;
using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Monitor.Quality;
using ModScope.Query;
using ModScope.Store;
using ModScope.Web;

namespace ModScope.Bench;

/// <summary>
/// The overview (all, one market, one region) and three explorer drills over loopback HTTP, with the catalogue's rollup
/// and raw (the same catalogue without it, <see cref="ShippedCatalog"/>), on one store kept between runs
/// (<see cref="BenchStore"/>). Printed per request: the first call (which computes), p95 of repeated calls answered from
/// the dashboard's cache, p50/p95 of recomputed calls (a dashboard with a cache of 0 MB); the first calls and memory of
/// a real <c>modscope serve</c> (<see cref="ServeProbe"/>); then the monitor (<see cref="MonitorBench"/>).
/// Targets (issue 23, at 50M decisions): first calls &lt; 300 ms, repeated p95 &lt; 50 ms, serve &lt; 2 GB.
/// </summary>
internal static class DashboardBench
{
    private static readonly int Runs = Count("MODSCOPE_BENCH_RUNS", 40);
    private static readonly int ComputeRuns = Count("MODSCOPE_BENCH_COMPUTE_RUNS", 10);

    private static readonly (string Name, string Url)[] Cases =
    [
        ("overview, all markets", "/api/overview"),
        ("overview, market=US", "/api/overview?filter=market=US"),
        ("overview, region=SEA", "/api/overview?filter=region=SEA"),
        ("drill market=US → queue, vs previous", "/api/query?metric=decision_volume,qa_accuracy,sla_attainment&by=queue&filter=market=US&compare=previous"),
        ("drill region=SEA → site, vs previous", "/api/query?metric=decision_volume,qa_accuracy,sla_attainment&by=site&filter=region=SEA&compare=previous"),
        ("queue by week, 12 weeks", "/api/query?metric=decision_volume,sla_attainment&by=queue&grain=week&period=last%2012%20weeks"),
    ];

    public static async Task<int> Run(long decisions, string? keepStore, bool skipMonitor, bool skipServe, int copies)
    {
        var dir = Directory.CreateTempSubdirectory("modscope-bench-web-").FullName;
        try
        {
            var storePath = Path.GetFullPath(keepStore ?? Path.Combine(dir, "bench.duckdb"));
            if (!File.Exists(storePath))
            {
                await BenchStore.CreateAsync(storePath, decisions, dir, copies);
            }
            BenchStore.BringUpToDate(storePath);
            var (rollupYaml, rawYaml) = (ShippedCatalog.Write(dir, rollup: true), ShippedCatalog.Write(dir, rollup: false));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Store {storePath}: {Folder.Megabytes(storePath):N0} MB, {Folder.FreeGigabytes(storePath):N1} GB free on its disk; {Environment.ProcessorCount} cores; load average {LoadAverage.Now()}."));

            // serve first: it opens the store for writing, so nothing else in this process may hold it.
            var cli = skipServe ? "" : ServeProbe.CliDll();
            var served = new Dictionary<string, (IReadOnlyList<double> FirstMs, double PeakMb, double RssMb)>();
            foreach (var (side, yaml) in skipServe ? [] : new (string, string)[] { ("rollup", rollupYaml), ("raw", rawYaml) })
            {
                var before = LoadAverage.Now();
                served[side] = await ServeProbe.RunAsync(cli, storePath, yaml, Cases.Select(c => c.Url).ToList(), dir);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"serve ({side}): peak RSS {served[side].PeakMb:N0} MB, RSS {served[side].RssMb:N0} MB after the overviews and drills; load average {before} → {LoadAverage.Now()}."));
            }

            Answered(storePath, CatalogLoader.Load(rollupYaml));
            await OverviewProfile.RunAsync(storePath, CatalogLoader.Load(rollupYaml));
            // The dashboards open the store read-only and end before the monitor, which writes its alerts.
            await TimeRequestsAsync(storePath, rollupYaml, rawYaml, served);
            if (!skipMonitor)
            {
                await MonitorBench.RunAsync(storePath, CatalogLoader.Load(rollupYaml), CatalogLoader.Load(rawYaml));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary><c>store --store FILE</c>: only makes the store the dashboard and monitor benches then reuse.</summary>
    public static async Task<int> CreateOnly(long decisions, string? keepStore, int copies)
    {
        if (keepStore is null || File.Exists(keepStore))
        {
            Console.Error.WriteLine($"bench: store needs --store FILE naming a store that does not exist yet; got '{keepStore}'.");
            return 2;
        }
        var dir = Directory.CreateTempSubdirectory("modscope-bench-store-").FullName;
        try
        {
            await BenchStore.CreateAsync(Path.GetFullPath(keepStore), decisions, dir, copies);
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary><c>monitor --store FILE</c>: the monitor's runs alone on a kept store.</summary>
    public static async Task<int> MonitorOnly(string? keepStore)
    {
        if (keepStore is null || !File.Exists(keepStore))
        {
            Console.Error.WriteLine($"bench: monitor needs --store FILE naming an existing store (made by the dashboard bench); got '{keepStore}'.");
            return 2;
        }
        BenchStore.BringUpToDate(Path.GetFullPath(keepStore));
        var dir = Directory.CreateTempSubdirectory("modscope-bench-monitor-").FullName;
        try
        {
            await MonitorBench.RunAsync(Path.GetFullPath(keepStore), CatalogLoader.Load(ShippedCatalog.Write(dir, rollup: true)), CatalogLoader.Load(ShippedCatalog.Write(dir, rollup: false)));
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary><c>rollups --store FILE</c>: only brings a kept store's rollups up to date (<see cref="BenchStore.BringUpToDate"/>, timed).</summary>
    public static int RollupsOnly(string? keepStore)
    {
        if (keepStore is null || !File.Exists(keepStore))
        {
            Console.Error.WriteLine($"bench: rollups needs --store FILE naming an existing store (made by the store or dashboard bench); got '{keepStore}'.");
            return 2;
        }
        BenchStore.BringUpToDate(Path.GetFullPath(keepStore));
        return 0;
    }

    /// <summary><c>profile --store FILE</c>: the overview's requests one by one on a kept store (<see cref="OverviewProfile"/>).</summary>
    public static async Task<int> ProfileOnly(string? keepStore)
    {
        if (keepStore is null || !File.Exists(keepStore))
        {
            Console.Error.WriteLine($"bench: profile needs --store FILE naming an existing store (made by the store or dashboard bench); got '{keepStore}'.");
            return 2;
        }
        BenchStore.BringUpToDate(Path.GetFullPath(keepStore));
        await OverviewProfile.RunAsync(Path.GetFullPath(keepStore), CatalogLoader.LoadDefault());
        return 0;
    }

    /// <summary>The table: each request on in-process dashboards with the rollup and raw, cached and recomputed, beside serve's first calls.</summary>
    private static async Task TimeRequestsAsync(string storePath, string rollupYaml, string rawYaml, Dictionary<string, (IReadOnlyList<double> FirstMs, double PeakMb, double RssMb)> served)
    {
        await using var rollupCached = await StartAsync(storePath, rollupYaml, cacheMb: 128);
        await using var rawCached = await StartAsync(storePath, rawYaml, cacheMb: 128);
        await using var rollupComputed = await StartAsync(storePath, rollupYaml, cacheMb: 0);
        await using var rawComputed = await StartAsync(storePath, rawYaml, cacheMb: 0);
        var all = new[] { rollupCached, rawCached, rollupComputed, rawComputed };
        // The JIT compiles the request path on calls the table does not time (another market).
        foreach (var app in all)
        {
            await app.GetAsync("/api/overview?filter=market=JP");
            await app.GetAsync("/api/query?metric=decision_volume,qa_accuracy&by=site&filter=market=JP&compare=previous");
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"In-process dashboards: first call; {Runs} repeated calls from the answer cache; {ComputeRuns} recomputed calls (cache of 0 MB). ms; rollup / raw."));
        Console.WriteLine("| request | first call | repeated p95 (cache) | recomputed p50 | recomputed p95 | recomputed CPU p50 | serve's first call | load average |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < Cases.Length; i++)
        {
            var (name, url) = Cases[i];
            var before = LoadAverage.Now();
            var first = (await rollupCached.GetAsync(url), await rawCached.GetAsync(url));
            var (cachedRollup, cachedRaw, computedRollup, computedRaw) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            var (cpuRollup, cpuRaw) = (new List<double>(), new List<double>());
            for (var r = 0; r < Runs; r++)
            {
                cachedRollup.Add(await rollupCached.GetAsync(url));
                cachedRaw.Add(await rawCached.GetAsync(url));
            }
            for (var r = 0; r < ComputeRuns; r++)
            {
                computedRollup.Add(await rollupComputed.GetAsync(url));
                cpuRollup.Add(rollupComputed.LastCpuMs);
                computedRaw.Add(await rawComputed.GetAsync(url));
                cpuRaw.Add(rawComputed.LastCpuMs);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {first.Item1:F0} / {first.Item2:F0} | {P(cachedRollup, 0.95):F1} / {P(cachedRaw, 0.95):F1} | {P(computedRollup, 0.5):F0} / {P(computedRaw, 0.5):F0} | {P(computedRollup, 0.95):F0} / {P(computedRaw, 0.95):F0} | {P(cpuRollup, 0.5):F0} / {P(cpuRaw, 0.5):F0} | {Served(served, "rollup", i)} / {Served(served, "raw", i)} | {before} → {LoadAverage.Now()} |"));
        }
        Console.WriteLine("serve's first call: a real `modscope serve` just started, which warms the default overview (all markets, each region) in the background, so its overview calls may be answered from the warming.");
    }

    /// <summary>What the door answers the overview's nine tiles of the last full week from (the rollup, and what it reads raw).</summary>
    private static void Answered(string storePath, MetricCatalog catalog)
    {
        using var store = ModScopeStore.Open(storePath);
        using var engine = new DuckDbEngine(store);
        var last = EngineWatermarks.LatestDecisionDayAsync(engine).GetAwaiter().GetResult() ?? throw new InvalidOperationException($"bench: {storePath} holds no decisions.");
        var week = PeriodParser.Parse("last full week", "UTC", last.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var request = new MetricRequest(catalog.Roles.Overview.ToList(), [], TimeGrain.None, [], week);
        Console.WriteLine($"The overview's tiles are answered from: {new MetricQuery(catalog, engine).Plan(request).Answered}");
    }

    private static async Task<BenchDashboard> StartAsync(string storePath, string catalog, int cacheMb)
    {
        var options = new DashboardOptions(storePath, catalog) { Limits = new DashboardLimits() with { CacheMegabytes = cacheMb } };
        var app = DashboardApp.Build([], options, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        return new BenchDashboard(app);
    }

    private static string Served(Dictionary<string, (IReadOnlyList<double> FirstMs, double PeakMb, double RssMb)> served, string side, int i) =>
        served.TryGetValue(side, out var s) ? s.FirstMs[i].ToString("F0", CultureInfo.InvariantCulture) : "not run";

    private static double P(List<double> values, double q) => values.Order().ElementAt((int)Math.Ceiling(q * values.Count) - 1);

    private static int Count(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var n) && n > 0 ? n : fallback;
}
