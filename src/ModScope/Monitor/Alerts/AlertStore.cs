using System.Data.Common;
using DuckDB.NET.Data;
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
        "restated, suppressed_by, label, updated_at, value, expected, lower_bound, upper_bound, impact, relative_impact, baseline, event, explanation";

    public long StartRun(DateOnly asOf)
    {
        using var connection = store.OpenConnection();
        var id = NextId(connection, "monitor_runs", "run_id");
        StoreCommands.Execute(connection,
            "INSERT INTO monitor_runs VALUES ($id, now()::TIMESTAMP, NULL, $asof, NULL, 0, 0, 0, 'running', NULL)", ("id", id), ("asof", asOf));
        return id;
    }

    public void FinishRun(long runId, MonitorRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var connection = store.OpenConnection();
        StoreCommands.Execute(connection, """
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
        var existing = Query(connection, "WHERE last_day >= $from - INTERVAL 7 DAY", ("from", windowStart));
        var matched = new HashSet<long>();
        var ids = new Dictionary<AlertFinding, long>(ReferenceEqualityComparer.Instance);
        var (opened, updated) = (0, 0);
        var nextId = NextId(connection, "alerts", "alert_id");
        // Data alerts first, so the metric alerts they explain can point at them.
        foreach (var finding in findings.OrderBy(f => f.Kind == AlertKind.Data ? 0 : 1))
        {
            var same = existing.FirstOrDefault(a => a.Kind == finding.Kind && a.Subject == finding.Subject && a.Segment == finding.Segment &&
                (a.FirstDay == finding.FirstDay || (a.FirstDay <= finding.LastDay && a.LastDay >= finding.FirstDay.AddDays(-1))));
            long? suppressedBy = finding.SuppressedBy is { } by && ids.TryGetValue(by, out var byId) ? byId : null;
            if (same is not null)
            {
                matched.Add(same.Id);
                ids[finding] = same.Id;
                updated++;
                StoreCommands.Execute(connection, """
                    UPDATE alerts SET last_day = greatest(last_day, $last), first_day = least(first_day, $first), score = $score,
                        severity = $severity, direction = $direction, message = $message, value = $value, expected = $expected,
                        lower_bound = $lower, upper_bound = $upper, impact = $impact, relative_impact = $relative, baseline = $baseline,
                        event = $event, explanation = $explanation, suppressed_by = $suppressed,
                        status = CASE WHEN $suppressed IS NOT NULL AND status = 'new' THEN 'suppressed' ELSE status END,
                        updated_run = $run, updated_at = now()::TIMESTAMP
                    WHERE alert_id = $id
                    """, [.. Values(finding, suppressedBy), ("run", runId), ("id", same.Id)]);
                continue;
            }
            var id = nextId++;
            ids[finding] = id;
            opened++;
            StoreCommands.Execute(connection, """
                INSERT INTO alerts VALUES ($id, $kind, $subject, $segment, $first, $last,
                    CASE WHEN $suppressed IS NULL THEN 'new' ELSE 'suppressed' END, NULL, $severity, $direction, $score,
                    $value, $expected, $lower, $upper, $impact, $relative, $detector, $message, $baseline, $event, $explanation,
                    NULL, NULL, false, $suppressed, $run, $run, now()::TIMESTAMP, now()::TIMESTAMP)
                """, [.. Values(finding, suppressedBy), ("id", id), ("kind", Name(finding.Kind)), ("subject", finding.Subject),
                    ("segment", finding.Segment), ("detector", finding.Detector), ("run", runId)]);
        }
        foreach (var gone in existing.Where(a => a.Kind == AlertKind.Metric && !matched.Contains(a.Id) && a.Status != AlertStatus.Resolved &&
                     a.FirstDay >= windowStart && a.LastDay <= windowEnd))
        {
            StoreCommands.Execute(connection, """
                UPDATE alerts SET status = 'resolved', restated = true, updated_run = $run, updated_at = now()::TIMESTAMP,
                    message = message || ' (no longer anomalous after its days were restated by a later load)'
                WHERE alert_id = $id
                """, ("run", runId), ("id", gone.Id));
            updated++;
        }
        transaction.Commit();
        return (opened, updated);
    }

    public IReadOnlyList<Alert> List(AlertStatus? status = null, AlertKind? kind = null)
    {
        using var connection = store.OpenConnection();
        return Query(connection, "WHERE ($status IS NULL OR status = $status) AND ($kind IS NULL OR kind = $kind)",
            ("status", status is { } s ? Name(s) : null), ("kind", kind is { } k ? Name(k) : null));
    }

    public Alert Get(long id)
    {
        using var connection = store.OpenConnection();
        return Query(connection, "WHERE alert_id = $id", ("id", id)).SingleOrDefault()
            ?? throw new KeyNotFoundException($"No alert {id}; 'modscope alerts' lists them.");
    }

    public void SetStatus(long id, AlertStatus status, DateOnly? snoozedUntil = null)
    {
        _ = Get(id);
        using var connection = store.OpenConnection();
        StoreCommands.Execute(connection, "UPDATE alerts SET status = $status, snoozed_until = $until, updated_at = now()::TIMESTAMP WHERE alert_id = $id",
            ("status", Name(status)), ("until", snoozedUntil), ("id", id));
    }

    /// <summary>Records an analyst's label; "new normal" rebaselines the series from the alert's first day.</summary>
    public void Label(long id, AlertLabel label)
    {
        var alert = Get(id);
        using var connection = store.OpenConnection();
        StoreCommands.Execute(connection, "UPDATE alerts SET label = $label, labelled_at = now()::TIMESTAMP, updated_at = now()::TIMESTAMP WHERE alert_id = $id",
            ("label", Name(label)), ("id", id));
        if (label == AlertLabel.NewNormal)
        {
            StoreCommands.Execute(connection, "INSERT INTO series_rebaselines VALUES ($subject, $segment, $from, $id, now()::TIMESTAMP)",
                ("subject", alert.Subject), ("segment", alert.Segment), ("from", alert.FirstDay), ("id", id));
        }
    }

    /// <summary>Series an analyst declared a new normal: their history before the day is ignored.</summary>
    public IReadOnlyDictionary<(string Subject, string Segment), DateOnly> Rebaselines()
    {
        using var connection = store.OpenConnection();
        using var command = StoreCommands.Create(connection, "SELECT subject, segment, max(from_day) FROM series_rebaselines GROUP BY ALL");
        using var reader = command.ExecuteReader();
        var result = new Dictionary<(string, string), DateOnly>();
        while (reader.Read())
        {
            result[(reader.GetString(0), reader.GetString(1))] = DateOnly.FromDateTime(reader.GetDateTime(2));
        }
        return result;
    }

    public IReadOnlyList<DetectorAccuracy> Accuracy()
    {
        return List().GroupBy(a => (a.Subject, a.Detector))
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
        ("explanation", f.Explanation), ("suppressed", suppressedBy),
    ];

    private static long NextId(DuckDBConnection connection, string table, string column) =>
        Convert.ToInt64(StoreCommands.Scalar(connection, $"SELECT coalesce(max({column}), 0) + 1 FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);

    private static List<Alert> Query(DuckDBConnection connection, string where, params (string, object?)[] parameters)
    {
        using var command = StoreCommands.Create(connection, $"SELECT {Columns} FROM alerts {where} ORDER BY alert_id", parameters);
        using var reader = command.ExecuteReader();
        var alerts = new List<Alert>();
        while (reader.Read())
        {
            alerts.Add(Read(reader));
        }
        return alerts;
    }

    private static Alert Read(DbDataReader r)
    {
        double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateOnly Day(int i) => DateOnly.FromDateTime(r.GetDateTime(i));
        return new Alert(r.GetInt64(0), AlertNames.Parse<AlertKind>(r.GetString(1)), r.GetString(2), r.GetString(3), Day(4), Day(5),
            AlertNames.Parse<AlertStatus>(r.GetString(6)), r.IsDBNull(7) ? null : Day(7), AlertNames.Parse<AlertSeverity>(r.GetString(8)),
            r.GetInt32(9), r.GetDouble(10), r.GetString(11), r.GetString(12), r.GetBoolean(13), r.IsDBNull(14) ? null : r.GetInt64(14),
            r.IsDBNull(15) ? null : AlertNames.Parse<AlertLabel>(r.GetString(15)), r.GetDateTime(16))
        {
            Value = D(17), Expected = D(18), Lower = D(19), Upper = D(20), Impact = D(21), RelativeImpact = D(22),
            Baseline = S(23), Event = S(24), Explanation = S(25),
        };
    }
}
