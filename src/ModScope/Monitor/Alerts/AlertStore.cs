using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Common;
using ModScope.Monitor.Findings;
using ModScope.Store;

namespace ModScope.Monitor.Alerts;

/// <summary>
/// Alerts, monitor runs and rebaselines in the store. A finding updates the alert of the same ongoing anomaly
/// (same kind, subject and segment, overlapping or adjacent days) instead of opening a new one; an alert in the
/// scanned window that a later run no longer finds (its days were restated by a later load) is resolved and
/// marked restated.
/// </summary>
public sealed class AlertStore(ModScopeStore store)
{
    private const string Columns =
        "alert_id, kind, subject, segment, first_day, last_day, status, snoozed_until, severity, direction, score, detector, message, " +
        "restated, suppressed_by, label, updated_at, value, expected, lower_bound, upper_bound, impact, relative_impact, baseline, event, explanation, created_at, " +
        "resolution, resolved_at, facts";

    /// <summary>Records a new run as running, first marking failed any earlier run that never finished.</summary>
    public long StartRun(DateOnly asOf)
    {
        using var connection = store.OpenConnection();
        var sql = new SqlRunner(connection, CancellationToken.None);
        var id = NextId(sql, "monitor_runs", "run_id");
        // A store is written by one process at a time, so a run still 'running' when another starts died (killed, crashed).
        sql.Execute("""
            UPDATE monitor_runs SET status = 'failed', finished_at = coalesce(finished_at, now()::TIMESTAMP),
                error = 'the run stopped before it finished (killed or crashed); marked failed when run ' || $id || ' started'
            WHERE status = 'running'
            """, ("id", id));
        sql.Execute(
            "INSERT INTO monitor_runs VALUES ($id, now()::TIMESTAMP, NULL, $asof, NULL, 0, 0, 0, 'running', NULL)", ("id", id), ("asof", asOf));
        return id;
    }

    public void FinishRun(long runId, MonitorRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var connection = store.OpenConnection();
        new SqlRunner(connection, CancellationToken.None).Execute("""
            UPDATE monitor_runs SET finished_at = now()::TIMESTAMP, watermark = $watermark, series_scanned = $series,
                alerts_opened = $opened, alerts_updated = $updated, status = $status, error = $error
            WHERE run_id = $id
            """, ("id", runId), ("watermark", summary.Watermark), ("series", summary.SeriesScanned), ("opened", summary.Opened),
            ("updated", summary.Updated), ("status", summary.Status), ("error", summary.Error));
    }

    /// <summary>Stores the run's findings; returns how many alerts were opened and updated.</summary>
    public (int Opened, int Updated) Upsert(IReadOnlyList<AlertFinding> findings, long runId, DateOnly windowStart, DateOnly windowEnd)
    {
        ArgumentNullException.ThrowIfNull(findings);
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var sql = new SqlRunner(connection, CancellationToken.None);
        var existing = Query(sql, "WHERE last_day >= $from - INTERVAL 7 DAY", ("from", windowStart));
        var matched = new HashSet<long>();
        var ids = new Dictionary<AlertFinding, long>(ReferenceEqualityComparer.Instance);
        var (opened, updated) = (0, 0);
        var nextId = NextId(sql, "alerts", "alert_id");
        // Data alerts first, then metric alerts that stand alone, so the alerts they explain or hold can point at them.
        // In day order, so that the same problem on consecutive days of one run (a backfill) is one alert, as it is
        // across daily runs.
        foreach (var finding in findings.OrderBy(f => f.Kind == AlertKind.Data ? 0 : f.SuppressedBy is null ? 1 : 2).ThenBy(f => f.FirstDay))
        {
            var at = existing.FindIndex(a => SameAnomaly(a.Finding, finding));
            var same = at >= 0 ? existing[at] : null;
            long? suppressedBy = finding.SuppressedBy is { } by && ids.TryGetValue(by, out var byId) ? byId : null;
            if (same is not null)
            {
                matched.Add(same.Id);
                ids[finding] = same.Id;
                updated++;
                sql.Execute("""
                    UPDATE alerts SET last_day = greatest(last_day, $last), first_day = least(first_day, $first), score = $score,
                        severity = $severity, direction = $direction, message = $message, value = $value, expected = $expected,
                        lower_bound = $lower, upper_bound = $upper, impact = $impact, relative_impact = $relative, baseline = $baseline,
                        event = $event, explanation = $explanation, facts = $facts, suppressed_by = $suppressed,
                        status = CASE WHEN $suppressed IS NOT NULL AND status = 'new' THEN 'suppressed' ELSE status END,
                        updated_run = $run, updated_at = now()::TIMESTAMP
                    WHERE alert_id = $id
                    """, [.. Values(finding, suppressedBy), ("run", runId), ("id", same.Id)]);
                existing[at] = same with
                {
                    Finding = same.Finding with
                    {
                        FirstDay = Min(same.Finding.FirstDay, finding.FirstDay),
                        LastDay = Max(same.Finding.LastDay, finding.LastDay),
                    },
                };
                continue;
            }
            var id = nextId++;
            ids[finding] = id;
            matched.Add(id);
            existing.Add(new Alert(id, finding, AlertStatus.New, null, false, null, null, DateTime.UtcNow));
            opened++;
            sql.Execute("""
                INSERT INTO alerts VALUES ($id, $kind, $subject, $segment, $first, $last,
                    CASE WHEN $suppressed IS NULL THEN 'new' ELSE 'suppressed' END, NULL, $severity, $direction, $score,
                    $value, $expected, $lower, $upper, $impact, $relative, $detector, $message, $baseline, $event, $explanation,
                    NULL, NULL, false, $suppressed, $run, $run, now()::TIMESTAMP, now()::TIMESTAMP, NULL, NULL, $facts)
                """, [.. Values(finding, suppressedBy), ("id", id), ("kind", Name(finding.Kind)), ("subject", finding.Subject),
                    ("segment", finding.Segment), ("detector", finding.Detector), ("run", runId)]);
        }
        // A target alert is judged on full weeks, not on the window's days: a later load does not restate it away.
        foreach (var gone in existing.Where(a => a.Finding.Kind == AlertKind.Metric && a.Finding.Detector != AlertDetectors.Target && !matched.Contains(a.Id) && a.Status != AlertStatus.Resolved &&
                     a.Finding.FirstDay >= windowStart && a.Finding.LastDay <= windowEnd))
        {
            sql.Execute("""
                UPDATE alerts SET status = 'resolved', restated = true, resolution = 'restated', resolved_at = now()::TIMESTAMP,
                    updated_run = $run, updated_at = now()::TIMESTAMP,
                    message = message || ' (no longer anomalous after its days were restated by a later load)'
                WHERE alert_id = $id
                """, ("run", runId), ("id", gone.Id));
            updated++;
        }
        transaction.Commit();
        return (opened, updated);
    }

    /// <summary>
    /// Opens a data alert outside a monitor run (run 0), such as a delivery channel failing: an open alert of the same
    /// kind, subject and segment is updated (its last day, message and facts) rather than opened twice. Returns its ID.
    /// </summary>
    public long Raise(AlertFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var sql = new SqlRunner(connection, CancellationToken.None);
        var open = Query(sql, "WHERE kind = $kind AND subject = $subject AND segment = $segment AND status IN ('new', 'acknowledged')",
            ("kind", Name(finding.Kind)), ("subject", finding.Subject), ("segment", finding.Segment)).FirstOrDefault();
        var id = open?.Id ?? NextId(sql, "alerts", "alert_id");
        if (open is not null)
        {
            sql.Execute("UPDATE alerts SET last_day = greatest(last_day, $last), value = $value, message = $message, facts = $facts, updated_at = now()::TIMESTAMP WHERE alert_id = $id",
                ("last", finding.LastDay), ("value", finding.Value), ("message", finding.Message), ("facts", finding.Facts?.ToJson()), ("id", id));
        }
        else
        {
            sql.Execute("""
                INSERT INTO alerts VALUES ($id, $kind, $subject, $segment, $first, $last, 'new', NULL, $severity, $direction, $score,
                    $value, $expected, $lower, $upper, $impact, $relative, $detector, $message, $baseline, $event, $explanation,
                    NULL, NULL, false, $suppressed, 0, 0, now()::TIMESTAMP, now()::TIMESTAMP, NULL, NULL, $facts)
                """, [.. Values(finding, null), ("id", id), ("kind", Name(finding.Kind)), ("subject", finding.Subject),
                    ("segment", finding.Segment), ("detector", finding.Detector)]);
        }
        transaction.Commit();
        return id;
    }

    /// <summary>Resolves the open alerts of <paramref name="subject"/> (a channel that delivers again), noting <paramref name="resolution"/>; returns how many.</summary>
    public int ResolveOpen(string subject, string resolution)
    {
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None).Execute("""
            UPDATE alerts SET status = 'resolved', resolution = $resolution, resolved_at = now()::TIMESTAMP, updated_at = now()::TIMESTAMP
            WHERE subject = $subject AND status IN ('new', 'acknowledged')
            """, ("subject", subject), ("resolution", resolution));
    }

    public IReadOnlyList<Alert> List(AlertStatus? status = null, AlertKind? kind = null)
    {
        using var connection = store.OpenConnection();
        return Query(new SqlRunner(connection, CancellationToken.None), "WHERE ($status IS NULL OR status = $status) AND ($kind IS NULL OR kind = $kind)",
            ("status", status is { } s ? Name(s) : null), ("kind", kind is { } k ? Name(k) : null));
    }

    public Alert Get(long id)
    {
        using var connection = store.OpenConnection();
        return Query(new SqlRunner(connection, CancellationToken.None), "WHERE alert_id = $id", ("id", id)).SingleOrDefault()
            ?? throw new NotFoundException("alert", id.ToString(CultureInfo.InvariantCulture), $"alert {id} not found; 'modscope alerts' lists them.");
    }

    /// <summary>Moves an alert by hand (a resolve is noted as manual; any other status clears the resolution).</summary>
    public void SetStatus(long id, AlertStatus status, DateOnly? snoozedUntil = null)
    {
        _ = Get(id);
        using var connection = store.OpenConnection();
        new SqlRunner(connection, CancellationToken.None).Execute("""
            UPDATE alerts SET status = $status, snoozed_until = $until, updated_at = now()::TIMESTAMP,
                resolution = CASE WHEN $status = 'resolved' THEN 'manual' END,
                resolved_at = CASE WHEN $status = 'resolved' THEN now()::TIMESTAMP END
            WHERE alert_id = $id
            """, ("status", Name(status)), ("until", snoozedUntil), ("id", id));
    }

    /// <summary>Stores an explanation computed after the run (the monitor explains only its largest alerts).</summary>
    public void SetExplanation(long id, string explanation)
    {
        _ = Get(id);
        using var connection = store.OpenConnection();
        new SqlRunner(connection, CancellationToken.None).Execute("UPDATE alerts SET explanation = $explanation WHERE alert_id = $id",
            ("explanation", explanation), ("id", id));
    }

    /// <summary>Stores the explanations of <paramref name="explained"/> for the alerts that have none stored yet.</summary>
    public void KeepExplanations(IEnumerable<Alert> explained)
    {
        ArgumentNullException.ThrowIfNull(explained);
        var stored = List().ToDictionary(a => a.Id);
        foreach (var alert in explained)
        {
            if (alert.Finding.Explanation is { } json && stored.TryGetValue(alert.Id, out var now) && now.Finding.Explanation is null)
            {
                SetExplanation(alert.Id, json);
            }
        }
    }

    /// <summary>Records an analyst's label; "new normal" rebaselines the series from the alert's first day.</summary>
    public void Label(long id, AlertLabel label)
    {
        var alert = Get(id).Finding;
        using var connection = store.OpenConnection();
        var sql = new SqlRunner(connection, CancellationToken.None);
        sql.Execute("UPDATE alerts SET label = $label, labelled_at = now()::TIMESTAMP, updated_at = now()::TIMESTAMP WHERE alert_id = $id",
            ("label", Name(label)), ("id", id));
        if (label == AlertLabel.NewNormal)
        {
            sql.Execute("INSERT INTO series_rebaselines VALUES ($subject, $segment, $from, $id, now()::TIMESTAMP)",
                ("subject", alert.Subject), ("segment", alert.Segment), ("from", alert.FirstDay), ("id", id));
        }
    }

    /// <summary>Series an analyst declared a new normal: their history before the day is ignored.</summary>
    public IReadOnlyDictionary<(string Subject, string Segment), DateOnly> Rebaselines()
    {
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None)
            .Rows("SELECT subject, segment, max(from_day) FROM series_rebaselines GROUP BY ALL",
                r => (Key: (r.GetString(0), r.GetString(1)), From: r.GetFieldValue<DateOnly>(2)))
            .ToDictionary(r => r.Key, r => r.From);
    }

    /// <summary>
    /// The rebaseline the monitor applied when it last judged alert <paramref name="id"/>: the latest day its series
    /// was declared a new normal from, among declarations made before that run started; null when there was none.
    /// </summary>
    public DateOnly? RebaselineFor(long id)
    {
        _ = Get(id);
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None).Rows("""
            SELECT max(r.from_day) FROM alerts a JOIN monitor_runs m ON m.run_id = a.updated_run
            JOIN series_rebaselines r ON r.subject = a.subject AND r.segment = a.segment AND r.created_at < m.started_at
            WHERE a.alert_id = $id
            """, r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), ("id", id)).SingleOrDefault();
    }

    public IReadOnlyList<DetectorAccuracy> Accuracy()
    {
        return List().Select(a => (a.Finding.Subject, a.Finding.Detector, a.Label)).GroupBy(a => (a.Subject, a.Detector))
            .Select(g => new DetectorAccuracy(g.Key.Subject, g.Key.Detector, g.Count(), g.Count(a => a.Label is not null),
                g.Count(a => a.Label == AlertLabel.ConfirmedIncident), g.Count(a => a.Label == AlertLabel.NewNormal),
                g.Count(a => a.Label == AlertLabel.Expected), g.Count(a => a.Label == AlertLabel.FalseAlarm)))
            .OrderBy(a => a.Subject, StringComparer.Ordinal).ThenBy(a => a.Detector, StringComparer.Ordinal)
            .ToList();
    }

    public static string Name<T>(T value) where T : struct, Enum => AlertNames.Snake(value.ToString());

    private static (string, object?)[] Values(AlertFinding f, long? suppressedBy) =>
    [
        ("first", f.FirstDay), ("last", f.LastDay), ("score", f.Score), ("severity", Name(f.Severity)), ("direction", f.Direction),
        ("message", f.Message), ("value", f.Value), ("expected", f.Expected), ("lower", f.Lower), ("upper", f.Upper),
        ("impact", f.Impact), ("relative", f.RelativeImpact), ("baseline", f.Baseline), ("event", f.Event),
        ("explanation", f.Explanation), ("facts", f.Facts?.ToJson()), ("suppressed", suppressedBy),
    ];

    /// <summary>Same kind, subject and segment, and the same first day or overlapping or adjacent days.</summary>
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static bool SameAnomaly(AlertFinding stored, AlertFinding found) =>
        stored.Kind == found.Kind && stored.Subject == found.Subject && stored.Segment == found.Segment &&
        (stored.Detector == AlertDetectors.Target) == (found.Detector == AlertDetectors.Target) &&
        (stored.FirstDay == found.FirstDay || (stored.FirstDay <= found.LastDay && stored.LastDay >= found.FirstDay.AddDays(-1)));

    private static long NextId(SqlRunner sql, string table, string column) =>
        sql.ScalarLong($"SELECT coalesce(max({column}), 0) + 1 FROM {table}");

    private static List<Alert> Query(SqlRunner sql, string where, params (string, object?)[] parameters) =>
        sql.Rows($"SELECT {Columns} FROM alerts {where} ORDER BY alert_id", Read, parameters);

    private static Alert Read(DuckDBDataReader r)
    {
        double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateOnly Day(int i) => r.GetFieldValue<DateOnly>(i);
        var finding = new AlertFinding(AlertNames.Parse<AlertKind>(r.GetString(1)), r.GetString(2), r.GetString(3), Day(4), Day(5),
            AlertNames.Parse<AlertSeverity>(r.GetString(8)), r.GetInt32(9), r.GetDouble(10), r.GetString(11), r.GetString(12))
        {
            Value = D(17), Expected = D(18), Lower = D(19), Upper = D(20), Impact = D(21), RelativeImpact = D(22),
            Baseline = S(23), Event = S(24), Explanation = S(25), Facts = FindingFacts.FromJson(S(29)),
        };
        return new Alert(r.GetInt64(0), finding, AlertNames.Parse<AlertStatus>(r.GetString(6)), r.IsDBNull(7) ? null : Day(7),
            r.GetBoolean(13), r.IsDBNull(14) ? null : r.GetInt64(14), r.IsDBNull(15) ? null : AlertNames.Parse<AlertLabel>(r.GetString(15)),
            r.GetDateTime(16))
        {
            CreatedAt = r.GetDateTime(26), Resolution = S(27), ResolvedAt = r.IsDBNull(28) ? null : r.GetDateTime(28),
        };
    }
}
