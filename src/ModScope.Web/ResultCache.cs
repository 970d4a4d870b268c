using System.Collections.Concurrent;
using System.Globalization;
using ModScope.Query;

namespace ModScope.Web;

/// <summary>
/// Metric results by request, reused while the store's data version (loads, monitor runs) stays the same: the morning
/// overview is asked for by many people, and its answer only changes when data arrives. Bounded; any new data version
/// empties it. Requests whose period is relative are keyed by their resolved dates, so "last full week" moves with the data.
/// </summary>
internal sealed class ResultCache(Func<long> dataVersion, int capacity = 512, TimeSpan? versionCheck = null)
{
    /// <summary>How often the data version is read (a cheap query, but not on every call).</summary>
    private readonly TimeSpan _versionCheck = versionCheck ?? TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<MetricResult>>>> _entries = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private (DateTime Checked, long Version) _version = (DateTime.MinValue, -1);

    public Task<IReadOnlyList<MetricResult>> GetOrRunAsync(MetricRequest request, Func<Task<IReadOnlyList<MetricResult>>> run)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        Refresh();
        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }
        var key = Key(request);
        Lazy<Task<IReadOnlyList<MetricResult>>> created = null!;
        created = new Lazy<Task<IReadOnlyList<MetricResult>>>(() => ForgetFailureAsync(key, created, run));
        return _entries.GetOrAdd(key, created).Value;
    }

    /// <summary>Runs; a failed or cancelled run is removed before its callers see the failure, so the next call tries again.</summary>
    private async Task<IReadOnlyList<MetricResult>> ForgetFailureAsync(
        string key, Lazy<Task<IReadOnlyList<MetricResult>>> entry, Func<Task<IReadOnlyList<MetricResult>>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<IReadOnlyList<MetricResult>>>>(key, entry));
            throw;
        }
    }

    public static string Key(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filters = string.Join("&", request.Filters.Select(f => $"{f.Dimension}{f.Operator}{string.Join(",", f.Values)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(",", request.Metrics)}|{string.Join(",", request.Dimensions)}|{request.Grain}|{filters}|{request.Period.Start:O}|{request.Period.End:O}|{request.Period.TimeZone}|{request.Comparison}|{request.Confidence}|{request.QuantileIntervals}|{request.LevelErrors}");
    }

    private void Refresh()
    {
        lock (_gate)
        {
            if (DateTime.UtcNow - _version.Checked < _versionCheck)
            {
                return;
            }
            var version = dataVersion();
            if (version != _version.Version)
            {
                _entries.Clear();
            }
            _version = (DateTime.UtcNow, version);
        }
    }
}
