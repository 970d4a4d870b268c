using DuckDB.NET.Data;
using ModScope.Common;
using ModScope.Store;

namespace ModScope.Service.Outbox;

/// <summary>
/// The store's <c>outbox</c> (migration 9): <see cref="Enqueue"/> writes a delivery once per idempotency key (a second
/// write of the same key is a no-op, so a job that runs again after a crash adds nothing), <see cref="Due"/> hands the
/// sender what to try now, and <see cref="Record"/> keeps each attempt's outcome. Writers call it under the store's
/// write gate; the server is the only writer, so check-then-insert in one transaction cannot race.
/// </summary>
public sealed class OutboxStore(ModScopeStore store)
{
    private const string Columns = """
        delivery_id, idempotency_key, subscription, channel, recipients, subject, body, payload, attachment_name,
        status, attempts, next_attempt_at, last_error, created_at, sent_at
        """;

    /// <summary>Writes <paramref name="entry"/> unless its key was written before; true when it was written now.</summary>
    public bool Enqueue(OutboxEntry entry, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var sql = new SqlRunner(connection, CancellationToken.None);
        if (sql.ScalarLong("SELECT count(*) FROM outbox WHERE idempotency_key = $key", ("key", entry.Key)) > 0)
        {
            return false;
        }
        var id = sql.ScalarLong("SELECT coalesce(max(delivery_id), 0) + 1 FROM outbox");
        var m = entry.Message;
        sql.Execute("""
            INSERT INTO outbox VALUES ($id, $key, $subscription, $channel, $recipients, $subject, $body, $payload, $file, $attachment,
                'pending', 0, $now, NULL, $now, NULL)
            """, ("id", id), ("key", entry.Key), ("subscription", entry.Subscription), ("channel", entry.Channel),
            ("recipients", string.Join(',', entry.Recipients)), ("subject", m.Subject), ("body", m.Text), ("payload", m.Json),
            ("file", m.AttachmentName), ("attachment", m.Attachment), ("now", now));
        foreach (var mark in entry.Marks)
        {
            sql.Execute("INSERT INTO delivery_marks VALUES ($subscription, $mark, $id)", ("subscription", entry.Subscription), ("mark", mark), ("id", id));
        }
        transaction.Commit();
        return true;
    }

    /// <summary>The marks of what <paramref name="subscription"/>'s deliveries covered so far.</summary>
    public IReadOnlySet<string> Marks(string subscription)
    {
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None)
            .Rows("SELECT mark FROM delivery_marks WHERE subscription = $s", r => r.GetString(0), ("s", subscription)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether a delivery with <paramref name="key"/> was ever written.</summary>
    public bool Has(string key)
    {
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None).ScalarLong("SELECT count(*) FROM outbox WHERE idempotency_key = $key", ("key", key)) > 0;
    }

    /// <summary>The pending deliveries whose next attempt is due at <paramref name="now"/>, oldest first, with their attachments.</summary>
    public IReadOnlyList<OutboxItem> Due(DateTime now, int limit = 20) =>
        Query("WHERE status = 'pending' AND next_attempt_at <= $now ORDER BY delivery_id LIMIT $limit", withAttachment: true, ("now", now), ("limit", limit));

    /// <summary>The latest deliveries, newest first, optionally of one status (without attachments).</summary>
    public IReadOnlyList<OutboxItem> List(OutboxStatus? status = null, int limit = 100) => status is { } s
        ? Query("WHERE status = $status ORDER BY delivery_id DESC LIMIT $limit", withAttachment: false, ("status", Name(s)), ("limit", limit))
        : Query("ORDER BY delivery_id DESC LIMIT $limit", withAttachment: false, ("limit", limit));

    /// <summary>
    /// Records attempt number <paramref name="attempts"/>: sent (<paramref name="error"/> null), or failed and tried
    /// again at <paramref name="retryAt"/>, or given up when there is no retry (its <c>next_attempt_at</c> then keeps
    /// when it was given up, for <see cref="FailuresInRow"/>).
    /// </summary>
    public void Record(long id, int attempts, string? error, DateTime? retryAt, DateTime now)
    {
        using var connection = store.OpenConnection();
        var status = error is null ? OutboxStatus.Sent : retryAt is null ? OutboxStatus.Failed : OutboxStatus.Pending;
        new SqlRunner(connection, CancellationToken.None).Execute("""
            UPDATE outbox SET status = $status, attempts = $attempts, last_error = coalesce($error, last_error),
                next_attempt_at = CASE WHEN $sent THEN next_attempt_at ELSE coalesce($retry, $now) END, sent_at = CASE WHEN $sent THEN $now ELSE sent_at END
            WHERE delivery_id = $id
            """, ("status", Name(status)), ("attempts", attempts), ("error", error), ("retry", retryAt), ("sent", error is null), ("now", now), ("id", id));
    }

    /// <summary>
    /// How many attempts in a row <paramref name="channel"/> has failed, read from the outbox so that it holds across
    /// restarts: the failed attempts of its unsent deliveries made after its latest successful send. A delivery's
    /// latest attempt is known (a pending one's next try less the backoff after it, a given-up one's time of giving
    /// up); an earlier attempt j of it came at least the backoffs W(j) + … + W(k−1) before its latest attempt k (a retry
    /// never goes before it is due), so it is counted unless that places it before the success.
    /// </summary>
    public int FailuresInRow(string channel, DeliverySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var connection = store.OpenConnection();
        var sql = new SqlRunner(connection, CancellationToken.None);
        var success = sql.Rows("SELECT max(sent_at) FROM outbox WHERE channel = $c AND status = 'sent'", r => r.IsDBNull(0) ? DateTime.MinValue : r.GetDateTime(0), ("c", channel)).Single();
        var unsent = sql.Rows("SELECT status, attempts, next_attempt_at FROM outbox WHERE channel = $c AND status <> 'sent' AND attempts > 0",
            r => (GaveUp: r.GetString(0) == Name(OutboxStatus.Failed), Attempts: r.GetInt32(1), Next: r.GetDateTime(2)), ("c", channel));
        var failures = 0;
        foreach (var (gaveUp, attempts, next) in unsent)
        {
            var at = gaveUp ? next : next - settings.WaitAfter(attempts);
            for (var j = attempts; j >= 1 && at > success; j--)
            {
                failures++;
                if (j > 1)
                {
                    at -= settings.WaitAfter(j - 1);
                }
            }
        }
        return failures;
    }

    private static string Name(OutboxStatus status) => status.ToString().ToLowerInvariant();

    private List<OutboxItem> Query(string where, bool withAttachment, params (string, object?)[] parameters)
    {
        using var connection = store.OpenConnection();
        var blob = withAttachment ? "attachment" : "NULL";
        return new SqlRunner(connection, CancellationToken.None).Rows($"SELECT {Columns}, {blob} FROM outbox {where}", Read, parameters);
    }

    private static OutboxItem Read(DuckDBDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        byte[]? attachment = null;
        if (!r.IsDBNull(15))
        {
            using var stream = r.GetStream(15);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            attachment = copy.ToArray();
        }
        var message = new Message(r.GetString(5), r.GetString(6), r.GetString(7), S(8), attachment);
        return new OutboxItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
            r.GetString(4).Split(',', StringSplitOptions.RemoveEmptyEntries), message, Enum.Parse<OutboxStatus>(r.GetString(9), ignoreCase: true),
            r.GetInt32(10), r.GetDateTime(11), S(12), r.GetDateTime(13), r.IsDBNull(14) ? null : r.GetDateTime(14));
    }
}
