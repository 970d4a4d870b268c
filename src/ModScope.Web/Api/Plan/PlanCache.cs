using System.Collections.Concurrent;

namespace ModScope.Web.Api.Plan;

/// <summary>
/// The planning library's answers (forecasts, plans, opportunities: seconds of work each) kept until the data changes,
/// so the Plan page's two calls, a language switch and a reload do not plan again. Keyed by what the answer depends on
/// (kind, caller's scope, filters, horizon, as-of day); at most <see cref="Capacity"/> answers, all dropped when full or
/// when the data's version moves. A failed run is not kept.
/// </summary>
internal sealed class PlanCache
{
    public const int Capacity = 32;

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _answers = new(StringComparer.Ordinal);
    private long _version = -1;

    public async Task<T> GetOrRunAsync<T>(string key, long version, Func<Task<T>> run, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(run);
        if (Interlocked.Exchange(ref _version, version) != version || _answers.Count >= Capacity)
        {
            _answers.Clear();
        }
        // The shared run is not tied to one caller's cancellation: others may be waiting for it.
        var entry = _answers.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await run().ConfigureAwait(false)));
        try
        {
            return (T)await entry.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _answers.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }
}
