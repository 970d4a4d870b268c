using System.Globalization;
using ModScope.Bench;

// Usage: ModScope.Bench ingest|query|dashboard|clickhouse [--decisions N] [--store FILE] [--mapping: ingest only] [--no-monitor, --no-serve: dashboard only] [--copies K: store, dashboard] | explain [--leaves N] [--dims D] | detect [--points N] [--series S]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: ModScope.Bench ingest|query|dashboard [--decisions N] [--store FILE]   (default 10000000 decisions; query and dashboard keep/reuse --store)");
    Console.WriteLine("       ModScope.Bench dashboard [--decisions N] [--store FILE] [--no-monitor] [--no-serve]   (rollup vs raw; serve's memory; the monitor's runs)");
    Console.WriteLine("       ModScope.Bench store --store FILE [--decisions N] [--copies K]   (only makes the dashboard's store; K: each generated decision stored K times)");
    Console.WriteLine("       ModScope.Bench monitor --store FILE                     (the monitor's runs alone, rollup vs raw, on a kept store)");
    Console.WriteLine("       ModScope.Bench profile --store FILE                     (the overview's requests one by one: what answers each, CPU per request)");
    Console.WriteLine("       ModScope.Bench ingest --mapping [--decisions N]          (a producer's export read through a source mapping)");
    Console.WriteLine("       ModScope.Bench ingest --pairs N [--decisions N]          (the mapping's cost: N interleaved pairs of plain and mapped loads, medians)");
    Console.WriteLine("       ModScope.Bench ingest [--csv decisions-NAME.csv]        (writes the decisions CSV there once and reuses it; delete it yourself)");
    Console.WriteLine("       ModScope.Bench clickhouse [--decisions N] [--store FILE]  (the query requests on DuckDB and the loopback ClickHouse cluster)");
    Console.WriteLine("       ModScope.Bench explain [--leaves N] [--dims D]          (default 100000 leaves x 5 dimensions)");
    Console.WriteLine("       ModScope.Bench detect [--points N] [--series S]         (one N-point series, or S daily series of N points)");
    return args.Length == 0 ? 2 : 0;
}

if (args[0] == "explain")
{
    return ExplainBench.Run(args[1..]);
}

if (args[0] == "detect")
{
    return DetectBench.Run(args[1..]);
}

var decisions = 10_000_000L;
string? store = null;
string? csv = null;
var mapped = false;
var skipMonitor = false;
var skipServe = false;
var copies = 1;
int? pairs = null;
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--decisions" && i + 1 < args.Length && long.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
    {
        decisions = n;
        i++;
    }
    else if (args[i] == "--copies" && i + 1 < args.Length && args[0] is "store" or "dashboard" && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) && k > 0)
    {
        copies = k;
        i++;
    }
    else if (args[i] == "--mapping" && args[0] == "ingest")
    {
        mapped = true;
    }
    else if (args[i] == "--pairs" && i + 1 < args.Length && args[0] == "ingest" && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0)
    {
        pairs = p;
        i++;
    }
    else if (args[i] == "--no-monitor" && args[0] == "dashboard")
    {
        skipMonitor = true;
    }
    else if (args[i] == "--no-serve" && args[0] == "dashboard")
    {
        skipServe = true;
    }
    else if (args[i] == "--csv" && i + 1 < args.Length && args[0] == "ingest")
    {
        csv = args[++i];
    }
    else if (args[i] == "--store" && i + 1 < args.Length)
    {
        store = args[++i];
    }
    else
    {
        Console.Error.WriteLine($"bench: unknown or invalid argument '{args[i]}'");
        return 2;
    }
}

return args[0] switch
{
    "ingest" when pairs is { } count => await IngestPairs.Run(decisions, count),
    "ingest" => await IngestBench.Run(decisions, mapped, csv),
    "query" => await QueryBench.Run(decisions, store),
    "clickhouse" => await ClickHouseBench.Run(decisions, store),
    "dashboard" => await DashboardBench.Run(decisions, store, skipMonitor, skipServe, copies),
    "store" => await DashboardBench.CreateOnly(decisions, store, copies),
    "monitor" => await DashboardBench.MonitorOnly(store),
    "profile" => await DashboardBench.ProfileOnly(store),
    "rollups" => DashboardBench.RollupsOnly(store),
    _ => Fail($"bench: unknown benchmark '{args[0]}'; expected: ingest, query, dashboard, store, monitor, profile, rollups, clickhouse, explain or detect"),
};

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
