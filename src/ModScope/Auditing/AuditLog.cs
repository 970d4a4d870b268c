using ModScope.Common;
using ModScope.Store;

namespace ModScope.Auditing;

/// <summary>
/// The store's audit log, append-only: rows are added in batches and read back; none is ever changed, and the only
/// deletion is <see cref="Prune"/> of rows older than the retention.
/// </summary>
public sealed class AuditLog(ModScopeStore store)
{
    /// <summary>The longest request text kept (a longer one is cut and ends with an ellipsis).</summary>
    public const int MaxRequestLength = 2000;

    /// <summary>The kinds of action a row records: requests (view, export, change, sign-in, sign-out) and the configuration a server started with (configure).</summary>
    public static readonly IReadOnlyList<string> Actions = ["view", "export", "change", "sign-in", "sign-out", "configure"];

    /// <summary>Appends <paramref name="entries"/> in one transaction. Call inside the store's write.</summary>
    public void Append(IReadOnlyCollection<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var sql = new SqlRunner(connection, CancellationToken.None);
        foreach (var e in entries)
        {
            var request = e.Request.Length > MaxRequestLength ? e.Request[..(MaxRequestLength - 1)] + "…" : e.Request;
            sql.Execute("INSERT INTO audit_log VALUES ($at, $user, $role, $action, $method, $request, $status)",
                ("at", e.At), ("user", e.User), ("role", e.Role), ("action", e.Action), ("method", e.Method), ("request", request), ("status", e.Status));
        }
        transaction.Commit();
    }

    /// <summary>
    /// The newest rows first, at most <paramref name="limit"/> after skipping <paramref name="offset"/> (paging), logged
    /// at or after <paramref name="since"/> and before <paramref name="until"/> (UTC), of <paramref name="user"/> and
    /// <paramref name="action"/> when given.
    /// </summary>
    public IReadOnlyList<AuditEntry> Read(DateTime? since = null, string? user = null, string? action = null, int limit = 1000, DateTime? until = null, int offset = 0)
    {
        if (limit is < 1 or > 100_000)
        {
            throw new ModScopeException($"limit: between 1 and 100000, not {limit}.");
        }
        if (offset < 0)
        {
            throw new ModScopeException($"offset: 0 or more, not {offset}.");
        }
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None).Rows(
            """
            SELECT logged_at, user_name, role, action, method, request, status FROM audit_log
            WHERE ($since IS NULL OR logged_at >= $since) AND ($until IS NULL OR logged_at < $until) AND ($user IS NULL OR user_name = $user) AND ($action IS NULL OR action = $action)
            ORDER BY logged_at DESC, request LIMIT $limit OFFSET $offset
            """,
            r => new AuditEntry(r.GetDateTime(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt32(6)),
            ("since", since), ("user", user), ("action", action), ("limit", limit), ("until", until), ("offset", offset));
    }

    /// <summary>Deletes the rows older than <paramref name="retention"/> before <paramref name="now"/> (UTC); returns how many. Call inside the store's write.</summary>
    public int Prune(TimeSpan retention, DateTime now)
    {
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None).Execute("DELETE FROM audit_log WHERE logged_at < $before", ("before", now - retention));
    }
}
