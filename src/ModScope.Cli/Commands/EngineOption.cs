using System.CommandLine;
using ModScope.Engines;
using ModScope.ClickHouse;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>--engine duckdb|clickhouse [--url URL] [--cluster NAME] [--database NAME]</c>: which engine a command reads from
/// or loads into. DuckDB (the default) uses <c>--store</c>; ClickHouse uses a cluster node's HTTP URL.
/// </summary>
internal sealed class EngineOption
{
    private readonly Option<string> _engine = new("--engine")
    {
        Description = "Engine: duckdb (the --store file) or clickhouse (a cluster at --url).",
        DefaultValueFactory = _ => "duckdb",
    };

    private readonly Option<string> _url = new("--url")
    {
        Description = "ClickHouse HTTP URL of any cluster node (with --engine clickhouse).",
        DefaultValueFactory = _ => ClickHouseOptions.Loopback.Url.ToString(),
    };

    private readonly Option<string> _cluster = new("--cluster")
    {
        Description = "ClickHouse cluster name from remote_servers (with --engine clickhouse).",
        DefaultValueFactory = _ => ClickHouseOptions.DefaultCluster,
    };

    private readonly Option<string> _database = new("--database")
    {
        Description = "ClickHouse database holding the ModScope tables (with --engine clickhouse).",
        DefaultValueFactory = _ => ClickHouseOptions.DefaultDatabase,
    };

    private readonly Option<bool> _noFinal = new("--no-final")
    {
        Description = "ClickHouse: read without FINAL (much faster on 18.16); ingest then merges the partitions it loads on every --nodes node.",
    };

    private readonly Option<string[]> _nodes = new("--nodes")
    {
        Description = "ClickHouse: HTTP URLs of every node, comma-separated (default: --url only), for merging after a load with --no-final and for adding a mapping's extra columns to every node.",
        AllowMultipleArgumentsPerToken = true,
    };

    public IEnumerable<Option> Options => [_engine, _url, _cluster, _database, _noFinal, _nodes];

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in Options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True for <c>--engine clickhouse</c>; a name other than duckdb or clickhouse is a usage error.</summary>
    public bool IsClickHouse(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return parsed.GetValue(_engine) switch
        {
            "duckdb" => false,
            "clickhouse" => true,
            var other => throw new UsageException($"--engine must be duckdb or clickhouse, not '{other}'."),
        };
    }

    /// <summary>The ClickHouse connection the options name (a malformed URL is a usage error).</summary>
    public ClickHouseOptions ClickHouse(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var url = parsed.GetValue(_url)!;
        var nodes = (parsed.GetValue(_nodes) ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(n => Http(n, "--nodes")).ToList();
        return new ClickHouseOptions(Http(url, "--url"), parsed.GetValue(_database)!, parsed.GetValue(_cluster)!)
        {
            ReadFinal = !parsed.GetValue(_noFinal),
            Nodes = nodes.Count > 0 ? nodes : [Http(url, "--url")],
        };
    }

    private static Uri Http(string url, string option) =>
        Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"{option} must be an http(s) URL such as http://127.0.0.1:18123, not '{url}'.");

    /// <summary>The metric engine the options name; <paramref name="store"/> opens the DuckDB store when that is the engine.</summary>
    public IMetricEngine OpenEngine(ParseResult parsed, Func<ModScopeStore> store, out IDisposable owned)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (IsClickHouse(parsed))
        {
            var clickHouse = new ClickHouseEngine(ClickHouse(parsed));
            owned = clickHouse;
            return clickHouse;
        }
        var opened = store();
        var duck = new DuckDbEngine(opened);
        owned = new Owned(duck, opened);
        return duck;
    }

    /// <summary>
    /// The DuckDB store at <paramref name="path"/>: with duckdb it holds the data and must exist; with clickhouse it
    /// holds only alerts and monitor runs, and is created when missing. Opened read-only unless <paramref name="writable"/>,
    /// so reading works while <c>modscope serve</c> holds the file.
    /// </summary>
    public ModScopeStore OpenStore(ParseResult parsed, string path, bool writable) =>
        writable ? (IsClickHouse(parsed) ? ModScopeStore.Open(path) : CommonOptions.OpenStoreToWrite(path))
        : IsClickHouse(parsed) && !File.Exists(path) ? ModScopeStore.Open(path) : CommonOptions.OpenExistingStore(path);

    /// <summary>The metric engine beside an opened store: ClickHouse at --url, or the store itself (dispose it after use).</summary>
    public IMetricEngine EngineFor(ParseResult parsed, ModScopeStore store) =>
        IsClickHouse(parsed) ? new ClickHouseEngine(ClickHouse(parsed)) : new DuckDbEngine(store);

    private sealed class Owned(IDisposable engine, IDisposable store) : IDisposable
    {
        public void Dispose()
        {
            engine.Dispose();
            store.Dispose();
        }
    }
}
