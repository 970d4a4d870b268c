using System.Globalization;
using ModScope.Engines;
using ModScope.ClickHouse;
using ModScope.Monitor.Health;
using ModScope.Monitor.Quality;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Web;

/// <summary>
/// Where the dashboard's numbers come from: the DuckDB store (default) or a ClickHouse cluster
/// (<c>ModScope:Engine=clickhouse</c>, <c>ModScope:ClickHouse:Url|Database|Cluster|ReadFinal</c>). Alerts and data
/// health always come from the store; on ClickHouse the newest decision and the data version also ask the cluster.
/// </summary>
internal sealed class DashboardEngine : IDisposable
{
    private readonly ClickHouseEngine? _clickHouse;
    private readonly StoreHealth _health;

    private DashboardEngine(IMetricEngine engine, ClickHouseEngine? clickHouse, StoreHealth health)
    {
        Engine = engine;
        _clickHouse = clickHouse;
        _health = health;
    }

    public IMetricEngine Engine { get; }

    /// <summary>True when the configuration names ClickHouse (then the store only holds alerts and may be created).</summary>
    public static bool IsClickHouse(IConfigurationSection section) =>
        section["Engine"] switch
        {
            null or "" or "duckdb" => false,
            "clickhouse" => true,
            var other => throw new InvalidOperationException($"ModScope:Engine must be duckdb or clickhouse, not '{other}'."),
        };

    public static DashboardEngine Create(IConfigurationSection section, ModScopeStore store, StoreHealth health)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (!IsClickHouse(section))
        {
            return new DashboardEngine(new DuckDbEngine(store), null, health);
        }
        var ch = section.GetSection("ClickHouse");
        var url = ch["Url"] ?? ClickHouseOptions.Loopback.Url.ToString();
        var options = new ClickHouseOptions(new Uri(url.EndsWith('/') ? url : url + "/"), ch["Database"] ?? ClickHouseOptions.DefaultDatabase,
            ch["Cluster"] ?? ClickHouseOptions.DefaultCluster)
        {
            ReadFinal = !bool.TryParse(ch["ReadFinal"], out var final) || final,
        };
        var engine = new ClickHouseEngine(options);
        return new DashboardEngine(engine, engine, health);
    }

    /// <summary>The newest decision day of the data the numbers come from.</summary>
    public Task<DateOnly?> LatestDecisionDayAsync(CancellationToken cancellationToken) =>
        EngineWatermarks.LatestDecisionDayAsync(Engine, cancellationToken);

    /// <summary>Changes when the data may have changed: the store's loads and monitor runs, and on ClickHouse its loaded files.</summary>
    public async Task<long> DataVersionAsync(CancellationToken cancellationToken)
    {
        var local = _health.DataVersion();
        if (_clickHouse is null)
        {
            return local;
        }
        var files = await _clickHouse.RunAsync("the data version", "SELECT count() FROM files", new Dictionary<string, object?>(), cancellationToken)
            .ConfigureAwait(false);
        return unchecked(local * 1_000_003 + Convert.ToInt64(files[0][0], CultureInfo.InvariantCulture));
    }

    public void Dispose() => (Engine as IDisposable)?.Dispose();
}
