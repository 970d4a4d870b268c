using ModScope.Model;
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
    private Freshness? _fresh;

    public Dashboard(IConfiguration configuration)
    {
        Pseudonyms = new Access.Pseudonyms(configuration);
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
        // Shared: read-only between writes, so other processes (the CLI's reads, Python) can read the file while we serve.
        Store = ModScopeStore.OpenShared(path);
        Health = new StoreHealth(Store);
        _engine = DashboardEngine.Create(section, Store, Health);
        Calendar = EventCalendar.LoadLocalOrDefault(Reference.Markets);
        Query = new MetricQuery(Catalog, _engine.Engine);
        Alerts = new AlertStore(Store);
        var limits = DashboardLimits.Read(configuration);
        Limit = new ResultLimit(limits.MaxResultCells);
        _cache = new ResultCache(() => _fresh?.Version ?? 0, (long)limits.CacheMegabytes << 20);
    }

    public MetricCatalog Catalog { get; }

    /// <summary>People's ids as pseudonyms for callers who may not see them.</summary>
    public Access.Pseudonyms Pseudonyms { get; }
    public ModScopeStore Store { get; }

    /// <summary>The data's reference data as it is now (the store's, or the ClickHouse cluster's; read on each call, so a load shows at once).</summary>
    public ReferenceData Reference => _engine.Engine.Reference;
    public MetricQuery Query { get; }
    public AlertStore Alerts { get; }

    /// <summary>The reference rows a caller limited to <paramref name="scope"/> may see (all for an unlimited one).</summary>
    public ReferenceData VisibleReference(AccessScope scope) => ScopeFilters.Visible(scope, Reference);

    /// <summary>
    /// The sites a caller limited to <paramref name="scope"/> may see, or null for an unlimited one: the scope's sites, and
    /// when it limits markets only, the sites that decided for them in the last <see cref="SiteReachDays"/> days (a
    /// market-scoped lead learns of no vendor site that serves only other markets).
    /// </summary>
    public async Task<IReadOnlySet<string>?> VisibleSitesAsync(AccessScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsLimited)
        {
            return null;
        }
        var sites = VisibleReference(scope).Sites.Select(s => s.SiteId).ToHashSet(StringComparer.Ordinal);
        if (scope.LimitsSites || !scope.LimitsMarkets)
        {
            return sites;
        }
        var last = DateOnly.FromDateTime(DataNow());
        var request = new MetricRequest([Catalog.Roles.Volume], ["site"], TimeGrain.None, [], Period.UtcDays(last.AddDays(1 - SiteReachDays), last)) { Scope = scope };
        var served = (await RunAsync(request, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Value > 0).Select(r => r.Dimensions.GetValueOrDefault("site")).OfType<string>();
        return served.Where(sites.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>How far back <see cref="VisibleSitesAsync"/> looks for the sites that serve a market-scoped caller.</summary>
    public const int SiteReachDays = 365;

    /// <summary>The alerts a caller limited to <paramref name="scope"/> may see (<see cref="AlertAccess"/>).</summary>
    public IEnumerable<Alert> VisibleAlerts(AccessScope scope, AlertStatus? status = null, AlertKind? kind = null)
    {
        var reference = scope.IsLimited ? Reference : ReferenceData.Empty;
        return Alerts.List(status, kind).Where(a => AlertAccess.Visible(a, scope, reference));
    }

    /// <summary>One alert if the caller's scope holds it; else not found, as for an alert that does not exist.</summary>
    public Alert VisibleAlert(long id, AccessScope scope)
    {
        var alert = Alerts.Get(id);
        return AlertAccess.Visible(alert, scope, scope.IsLimited ? Reference : ReferenceData.Empty) ? alert
            : throw new ModScope.Common.NotFoundException("alert", id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"alert {id} not found; 'modscope alerts' lists them.");
    }
    public EventCalendar Calendar { get; }

    /// <summary>Owners of metrics and segments from the service configuration (<c>owners</c>), shown with their alerts; none without one.</summary>
    public IReadOnlyList<ModScope.Service.Subscriptions.Owner> Owners { get; internal set; } = [];
    public StoreHealth Health { get; }

    /// <summary>How big one answer may be (<see cref="DashboardLimits.MaxResultCells"/>).</summary>
    public ResultLimit Limit { get; }

    /// <summary>The data's version as of the last <see cref="RefreshAsync"/> (a load moves it): answers computed from an older one are stale.</summary>
    public long DataVersion => _fresh?.Version ?? 0;

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
    /// Reads, without blocking a thread, what the data looks like now: its newest decision day (at most once a minute) and
    /// its version (at most every two seconds; a new version empties the result cache). The API awaits this before every
    /// request (<see cref="Api.DataFreshnessFilter"/>), so <see cref="DataNow"/> and the cache only read what it found.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var fresh = _fresh;
        if (fresh is not null && now - fresh.VersionRead < TimeSpan.FromSeconds(2))
        {
            return;
        }
        var version = await _engine.DataVersionAsync(cancellationToken).ConfigureAwait(false);
        var (dayRead, day) = fresh is not null && now - fresh.DayRead < TimeSpan.FromMinutes(1) && fresh.Version == version
            ? (fresh.DayRead, fresh.Day)
            : (now, await _engine.LatestDecisionDayAsync(cancellationToken).ConfigureAwait(false));
        _fresh = new Freshness(dayRead, day, now, version);
    }

    /// <summary>
    /// "Now" for relative periods: the day after the newest decision, so 'last full week' means the data's last week
    /// even when the store stopped receiving data (as of the last <see cref="RefreshAsync"/>).
    /// </summary>
    /// <summary>The newest decision's day (UTC), null when the store holds none: the data's freshness the overview shows.</summary>
    public DateOnly? NewestDay => _fresh?.Day;

    public DateTime DataNow()
    {
        var fresh = _fresh ?? throw new InvalidOperationException("The dashboard has not read its data yet: await RefreshAsync first.");
        // The day after the newest, where the calendar has one (the newest is read within it, see ISqlDialect.InCalendar).
        return fresh.Day is { } day ? (day < DateOnly.MaxValue ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue) : DateTime.UtcNow.Date;
    }

    public void Dispose()
    {
        _engine.Dispose();
        Store.Dispose();
    }

    /// <summary>What <see cref="RefreshAsync"/> found, replaced as a whole so readers never see half of it.</summary>
    private sealed record Freshness(DateTime DayRead, DateOnly? Day, DateTime VersionRead, long Version);
}
