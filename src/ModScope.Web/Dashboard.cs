using ModScope.Catalog;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Health;
using ModScope.Query;
using ModScope.Store;
using ModScope.Web.Hardening;

namespace ModScope.Web;

/// <summary>
/// The library objects the endpoints ask: the store (one owner for the process), the catalogue, the metric query on
/// the configured engine (<see cref="DashboardEngine"/>), alerts, the events calendar the monitor judges with, and
/// data health. Opened once, on the first request, from configuration section
/// <see cref="DashboardOptions.Section"/>.
/// </summary>
internal sealed class Dashboard : IDisposable
{
    private readonly DashboardEngine _engine;
    private readonly ResultCache _cache;
    private (DateTime Read, DateOnly? Day) _latest;

    public Dashboard(IConfiguration configuration)
    {
        var section = configuration.GetSection(DashboardOptions.Section);
        var path = section["Store"] ?? throw new InvalidOperationException("No store configured: set ModScope:Store (modscope serve --store FILE).");
        var onClickHouse = DashboardEngine.IsClickHouse(section);
        if (!onClickHouse && !File.Exists(path))
        {
            throw new IOException($"Store '{path}' does not exist; run 'modscope ingest' or 'modscope demo' first.");
        }
        var catalogPath = section["Catalog"];
        Catalog = catalogPath is not null ? CatalogLoader.Load(catalogPath)
            : File.Exists("catalog/core-index.yaml") ? CatalogLoader.Load("catalog/core-index.yaml")
            : CatalogLoader.LoadDefault();
        // The monitor's calendar (./catalog/events.yaml, else the shipped one), so an alert's band is the band that raised it.
        Calendar = EventCalendar.LoadLocalOrDefault();
        Store = ModScopeStore.Open(path);
        Health = new StoreHealth(Store);
        _engine = DashboardEngine.Create(section, Store, Health);
        Query = new MetricQuery(Catalog, _engine.Engine);
        Alerts = new AlertStore(Store);
        var limits = DashboardLimits.Read(configuration);
        Limit = new ResultLimit(limits.MaxResultCells);
        _cache = new ResultCache(_engine.DataVersion, (long)limits.CacheMegabytes << 20);
    }

    public MetricCatalog Catalog { get; }
    public ModScopeStore Store { get; }
    public MetricQuery Query { get; }
    public AlertStore Alerts { get; }
    public EventCalendar Calendar { get; }
    public StoreHealth Health { get; }

    /// <summary>How big one answer may be (<see cref="DashboardLimits.MaxResultCells"/>).</summary>
    public ResultLimit Limit { get; }

    /// <summary>
    /// The request's results, reused until the store's data changes (see <see cref="ResultCache"/>); an answer over
    /// <see cref="Limit"/> fails with <see cref="ResultTooLargeException"/> and is not kept.
    /// </summary>
    public Task<IReadOnlyList<MetricResult>> RunAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        Limit.CheckShape(request);
        // The shared run is not tied to one caller's cancellation: others may be waiting for it.
        return _cache.GetOrRunAsync(request, () => RunCappedAsync(request, CancellationToken.None)).WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<MetricResult>> RunCappedAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        var capped = new MetricQuery(Catalog, new CappedEngine(_engine.Engine, new AnswerGuard(Limit, Query, request)));
        var results = await capped.RunAsync(request, cancellationToken).ConfigureAwait(false);
        Limit.CheckRows(request, results.Count);
        return results;
    }

    /// <summary>
    /// "Now" for relative periods: the day after the newest decision, so 'last full week' means the data's last week
    /// even when the store stopped receiving data. Re-read at most once a minute.
    /// </summary>
    public DateTime DataNow()
    {
        var latest = _latest;
        if (DateTime.UtcNow - latest.Read > TimeSpan.FromMinutes(1))
        {
            latest = (DateTime.UtcNow, _engine.LatestDecisionDay());
            _latest = latest;
        }
        // The day after the newest, where the calendar has one (the newest is read within it, see StoreHealth).
        return latest.Day is { } day ? (day < DateOnly.MaxValue ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue) : DateTime.UtcNow.Date;
    }

    public void Dispose()
    {
        _engine.Dispose();
        Store.Dispose();
    }
}
