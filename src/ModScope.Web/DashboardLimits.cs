using System.Globalization;

namespace ModScope.Web;

/// <summary>
/// What one client, one request and the answer cache may use. Read from <c>ModScope:Limits:*</c> (e.g. the environment
/// variable <c>ModScope__Limits__MaxResultCells</c>); <c>modscope serve</c> sets the first two with options.
/// </summary>
/// <param name="MaxResultCells">An answer's rows × columns (the export's columns: 11 plus one per dimension); more is a 400.</param>
/// <param name="CacheMegabytes">The answer cache's size; the least recently used answers go first.</param>
/// <param name="AuthenticationPermits">Requests with credentials to an endpoint that checks them, per client and window; then 429.</param>
/// <param name="AuthenticationWindowSeconds">The window of <paramref name="AuthenticationPermits"/>.</param>
/// <param name="ExpensiveConcurrency">Expensive requests (queries, exports, overview, reports, alert charts, health) running at once per client.</param>
/// <param name="ExpensiveQueue">Expensive requests waiting per client beyond those; more is a 429.</param>
/// <param name="AuditRetentionDays">How long the audit log keeps a row; older rows are pruned once a day.</param>
public sealed record DashboardLimits(
    long MaxResultCells = 500_000,
    int CacheMegabytes = 128,
    int AuthenticationPermits = 30,
    int AuthenticationWindowSeconds = 60,
    int ExpensiveConcurrency = 4,
    int ExpensiveQueue = 16,
    int AuditRetentionDays = 365)
{
    public const string Section = "ModScope:Limits";

    public static DashboardLimits Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new DashboardLimits();
        return new DashboardLimits(
            Number(section, nameof(MaxResultCells), defaults.MaxResultCells, 1),
            (int)Number(section, nameof(CacheMegabytes), defaults.CacheMegabytes, 0),
            (int)Number(section, nameof(AuthenticationPermits), defaults.AuthenticationPermits, 1),
            (int)Number(section, nameof(AuthenticationWindowSeconds), defaults.AuthenticationWindowSeconds, 1),
            (int)Number(section, nameof(ExpensiveConcurrency), defaults.ExpensiveConcurrency, 1),
            (int)Number(section, nameof(ExpensiveQueue), defaults.ExpensiveQueue, 0),
            (int)Number(section, nameof(AuditRetentionDays), defaults.AuditRetentionDays, 1));
    }

    /// <summary>
    /// Configuration key/value pairs that carry the limits differing from the defaults into the app, so a default
    /// given here does not hide one set in the environment (<c>ModScope__Limits__*</c>).
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> ToSettings()
    {
        var defaults = new DashboardLimits();
        (string Key, long Value, long Default)[] limits =
        [
            (nameof(MaxResultCells), MaxResultCells, defaults.MaxResultCells),
            (nameof(CacheMegabytes), CacheMegabytes, defaults.CacheMegabytes),
            (nameof(AuthenticationPermits), AuthenticationPermits, defaults.AuthenticationPermits),
            (nameof(AuthenticationWindowSeconds), AuthenticationWindowSeconds, defaults.AuthenticationWindowSeconds),
            (nameof(ExpensiveConcurrency), ExpensiveConcurrency, defaults.ExpensiveConcurrency),
            (nameof(ExpensiveQueue), ExpensiveQueue, defaults.ExpensiveQueue),
            (nameof(AuditRetentionDays), AuditRetentionDays, defaults.AuditRetentionDays),
        ];
        return limits.Where(l => l.Value != l.Default)
            .Select(l => new KeyValuePair<string, string?>($"{Section}:{l.Key}", l.Value.ToString(CultureInfo.InvariantCulture))).ToList();
    }

    private static long Number(IConfigurationSection section, string key, long fallback, long least) =>
        section[key] is not { } text ? fallback
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least && value <= int.MaxValue ? value
        : throw new InvalidOperationException($"{Section}:{key} must be a whole number from {least} to {int.MaxValue}, not '{text}'.");
}
