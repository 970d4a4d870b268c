using ModScope.Common;
using ModScope.Store;

namespace ModScope.Monitor.Alerts;

/// <summary>
/// The lifecycle steps no person takes: a snooze that has ended turns the alert back to acknowledged, and an open alert
/// whose anomaly has ended resolves itself once monitor runs have judged <see cref="AutoResolveDays"/> days after its last
/// anomalous day (its series back inside its band, or its data check passing, for that many days). Each step is noted in
/// the alert's comment thread by <see cref="AlertComments.System"/>.
/// </summary>
public sealed class AlertLifecycle(ModScopeStore store)
{
    /// <summary>Days inside the band before an alert resolves itself; 0 turns auto-resolution off.</summary>
    public int AutoResolveDays { get; init; } = 3;

    /// <summary>Applies both steps as of <paramref name="today"/> (UTC, for snoozes); returns how many alerts each moved.</summary>
    public (int Reopened, int AutoResolved) Apply(DateOnly today)
    {
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var sql = new SqlRunner(connection, CancellationToken.None);
        var reopened = sql.Rows("""
            UPDATE alerts SET status = 'acknowledged', updated_at = now()::TIMESTAMP
            WHERE status = 'snoozed' AND snoozed_until < $today RETURNING alert_id, snoozed_until
            """, r => (Id: r.GetInt64(0), Until: r.GetFieldValue<DateOnly>(1)), ("today", today));
        var comments = new AlertComments(store);
        foreach (var (id, until) in reopened)
        {
            comments.Add(sql, id, AlertComments.System, FormattableString.Invariant($"The snooze until {until:yyyy-MM-dd} ended; the alert is open again (acknowledged)."));
        }
        var resolved = new List<(long Id, DateOnly Last, DateOnly Judged)>();
        if (AutoResolveDays > 0)
        {
            // The last day the finished runs judged: the lesser of a run's as-of day and its decisions watermark.
            var judged = sql.Rows("""
                SELECT max(least(as_of, coalesce(watermark, as_of))), max(run_id) FROM monitor_runs WHERE status = 'ok' HAVING count(*) > 0
                """, r => (Through: r.GetFieldValue<DateOnly>(0), LastRun: r.GetInt64(1)));
            if (judged is [var mark])
            {
                resolved = sql.Rows("""
                    UPDATE alerts SET status = 'resolved', resolution = 'auto', resolved_at = now()::TIMESTAMP, updated_at = now()::TIMESTAMP
                    WHERE status IN ('new', 'acknowledged') AND last_day <= $latest AND updated_run < $run
                    RETURNING alert_id, last_day
                    """, r => (r.GetInt64(0), r.GetFieldValue<DateOnly>(1), mark.Through),
                    ("latest", mark.Through.AddDays(-AutoResolveDays)), ("run", mark.LastRun));
            }
            foreach (var (id, lastDay, through) in resolved)
            {
                comments.Add(sql, id, AlertComments.System, FormattableString.Invariant(
                    $"Auto-resolved: back inside its band for {through.DayNumber - lastDay.DayNumber} day(s) after {lastDay:yyyy-MM-dd} (judged through {through:yyyy-MM-dd}; auto-resolve after {AutoResolveDays})."));
            }
        }
        transaction.Commit();
        return (reopened.Count, resolved.Count);
    }
}
