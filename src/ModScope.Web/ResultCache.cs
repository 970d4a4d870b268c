using System.Globalization;
using ModScope.Query;

namespace ModScope.Web;

/// <summary>
/// Metric results by request, reused while the store's data version (loads, monitor runs) stays the same: the morning
/// overview is asked for by many people, and its answer only changes when data arrives. Bounded by bytes
/// (<see cref="ResultSize"/>), least recently used first out; an answer larger than the whole budget is answered but
/// not kept. Any new data version empties it. Requests whose period is relative are keyed by their resolved dates, so
/// "last full week" moves with the data. One computation per key at a time; a failed one is not kept.
/// </summary>
internal sealed class ResultCache(Func<long> dataVersion, long maxBytes = ResultCache.DefaultBytes, TimeSpan? versionCheck = null)
{
    public const long DefaultBytes = 128L << 20;

    /// <summary>An entry's own objects: the entry, its list node, its lazy task and the dictionary slot.</summary>
    private const long EntryBytes = 256;

    /// <summary>How often the data version is read (a cheap query, but not on every call).</summary>
    private readonly TimeSpan _versionCheck = versionCheck ?? TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Completed and running entries, most recently used first.</summary>
    private readonly LinkedList<Entry> _recency = new();

    private readonly object _gate = new();
    private (DateTime Checked, long Version) _version = (DateTime.MinValue, -1);
    private long _bytes;

    /// <summary>The estimated bytes of the answers kept.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public Task<IReadOnlyList<MetricResult>> GetOrRunAsync(MetricRequest request, Func<Task<IReadOnlyList<MetricResult>>> run)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        var key = Key(request);
        Entry entry;
        lock (_gate)
        {
            Refresh();
            if (_entries.TryGetValue(key, out var found))
            {
                _recency.Remove(found.Node);
                _recency.AddFirst(found.Node);
                entry = found;
            }
            else
            {
                entry = new Entry(key);
                var created = entry;
                entry.Run = new Lazy<Task<IReadOnlyList<MetricResult>>>(() => KeepAsync(created, run));
                _entries.Add(key, entry);
                _recency.AddFirst(entry.Node);
            }
        }
        return entry.Run!.Value;
    }

    /// <summary>Runs; a result is counted against the budget once known; a failed or cancelled run is removed before its callers see the failure.</summary>
    private async Task<IReadOnlyList<MetricResult>> KeepAsync(Entry entry, Func<Task<IReadOnlyList<MetricResult>>> run)
    {
        IReadOnlyList<MetricResult> results;
        try
        {
            results = await run().ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                Remove(entry);
            }
            throw;
        }
        // The entry itself counts too, so even empty answers cannot pile up unbounded.
        var bytes = ResultSize.Estimate(results) + EntryBytes + 2L * entry.Key.Length;
        lock (_gate)
        {
            if (_entries.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
            {
                entry.Bytes = bytes;
                _bytes += bytes;
                Evict();
            }
        }
        return results;
    }

    /// <summary>Drops completed answers from the least recently used end until the budget holds.</summary>
    private void Evict()
    {
        for (var node = _recency.Last; node is not null && _bytes > maxBytes;)
        {
            var previous = node.Previous;
            // Running entries (no size yet) stay: their callers wait on them.
            if (node.Value.Bytes > 0)
            {
                Remove(node.Value);
            }
            node = previous;
        }
    }

    private void Remove(Entry entry)
    {
        if (_entries.TryGetValue(entry.Key, out var current) && ReferenceEquals(current, entry))
        {
            _entries.Remove(entry.Key);
            _recency.Remove(entry.Node);
            _bytes -= entry.Bytes;
        }
    }

    public static string Key(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filters = string.Join("&", request.Filters.Select(f => $"{f.Dimension}{f.Operator}{string.Join(",", f.Values)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{string.Join(",", request.Metrics)}|{string.Join(",", request.Dimensions)}|{request.Grain}|{filters}|{request.Period.Start:O}|{request.Period.End:O}|{request.Period.TimeZone}|{request.Comparison}|{request.Confidence}|{request.QuantileIntervals}|{request.LevelErrors}|{request.Scope.Text}");
    }

    /// <summary>Empties the cache when the data version moved (read at most every <see cref="_versionCheck"/>). Under the lock.</summary>
    private void Refresh()
    {
        if (DateTime.UtcNow - _version.Checked < _versionCheck)
        {
            return;
        }
        var version = dataVersion();
        if (version != _version.Version)
        {
            _entries.Clear();
            _recency.Clear();
            _bytes = 0;
        }
        _version = (DateTime.UtcNow, version);
    }

    /// <summary>One answer: its computation, where it stands in the recency list, and its size once known (0 while running).</summary>
    private sealed class Entry
    {
        public Entry(string key)
        {
            Key = key;
            Node = new LinkedListNode<Entry>(this);
        }

        public string Key { get; }
        public LinkedListNode<Entry> Node { get; }
        public Lazy<Task<IReadOnlyList<MetricResult>>>? Run { get; set; }
        public long Bytes { get; set; }
    }
}
