using System.Collections.Concurrent;

namespace ModScope.Web.Access;

/// <summary>
/// Locks a user name out after <see cref="Failures"/> failed sign-ins in a row (form or basic auth) for
/// <see cref="Duration"/>: during it even the right password is refused, so guessing one name's password stays slow
/// from any number of clients (the per-client rate limit covers one client). Unknown names are counted alike, so a
/// lock-out does not tell which names exist. A success clears the count.
/// </summary>
internal sealed class SignInLockout(TimeProvider time)
{
    public const int Failures = 5;
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(15);

    /// <summary>More names than this tracked at once: the ones whose lock-out ended are forgotten.</summary>
    private const int MaxNames = 10_000;

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Until)> _failures = new(StringComparer.Ordinal);

    public bool IsLocked(string name) =>
        _failures.TryGetValue(name, out var f) && f.Count >= Failures && f.Until > time.GetUtcNow();

    public void Failed(string name)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > MaxNames)
        {
            foreach (var stale in _failures.Where(f => f.Value.Until <= now).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(stale, out _);
            }
        }
        _failures.AddOrUpdate(name, _ => (1, now + Duration), (_, f) => (f.Until <= now ? 1 : f.Count + 1, now + Duration));
    }

    public void Succeeded(string name) => _failures.TryRemove(name, out _);
}
