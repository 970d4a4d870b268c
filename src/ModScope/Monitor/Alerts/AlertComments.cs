using System.Globalization;
using ModScope.Common;
using ModScope.Store;

namespace ModScope.Monitor.Alerts;

/// <summary>The comment thread of each alert: what people (and the lifecycle, as <see cref="System"/>) said about it, oldest first.</summary>
public sealed class AlertComments(ModScopeStore store)
{
    /// <summary>The author of the notes the lifecycle writes itself (auto-resolved, snooze ended).</summary>
    public const string System = "modscope";

    /// <summary>The longest comment kept.</summary>
    public const int MaxLength = 4000;

    public IReadOnlyList<AlertComment> List(long alertId)
    {
        _ = new AlertStore(store).Get(alertId);
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None).Rows(
            "SELECT comment_id, alert_id, author, body, created_at FROM alert_comments WHERE alert_id = $id ORDER BY comment_id",
            r => new AlertComment(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetDateTime(4)), ("id", alertId));
    }

    /// <summary>Adds a comment by <paramref name="author"/>; the text is trimmed and must hold 1 to <see cref="MaxLength"/> characters.</summary>
    /// <exception cref="NotFoundException">No alert <paramref name="alertId"/>.</exception>
    /// <exception cref="ModScopeException">An empty or too long comment, or no author.</exception>
    public AlertComment Add(long alertId, string author, string body)
    {
        _ = new AlertStore(store).Get(alertId);
        using var connection = store.OpenConnection();
        var id = Add(new SqlRunner(connection, CancellationToken.None), alertId, author, body);
        return List(alertId).Single(c => c.Id == id);
    }

    internal long Add(SqlRunner sql, long alertId, string author, string body)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxLength)
        {
            throw new ModScopeException(string.Create(CultureInfo.InvariantCulture,
                $"comment: a comment holds 1 to {MaxLength} characters, not {text.Length}."));
        }
        if (string.IsNullOrWhiteSpace(author))
        {
            throw new ModScopeException("author: a comment needs its author's name.");
        }
        var id = sql.ScalarLong("SELECT coalesce(max(comment_id), 0) + 1 FROM alert_comments");
        sql.Execute("INSERT INTO alert_comments VALUES ($id, $alert, $author, $body, now()::TIMESTAMP)",
            ("id", id), ("alert", alertId), ("author", author.Trim()), ("body", text));
        return id;
    }
}
