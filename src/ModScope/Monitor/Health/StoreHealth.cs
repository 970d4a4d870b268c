using ModScope.Common;
using ModScope.Store;

namespace ModScope.Monitor.Health;

/// <summary>
/// Reads the store's bookkeeping for the people who check the data: when each site last sent decisions, which
/// rules hold rows in quarantine (with samples), and the loads so far. Everything here is read-only.
/// </summary>
public sealed class StoreHealth(ModScopeStore store)
{
    /// <summary>
    /// A number that changes whenever the store's data may have changed (a load or a monitor run), so answers computed
    /// from the data can be reused until it moves.
    /// </summary>
    public long DataVersion()
    {
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None)
            .ScalarLong("SELECT (SELECT coalesce(max(load_id), 0) FROM loads) * 1000003 + (SELECT coalesce(max(run_id), 0) FROM monitor_runs)");
    }

    /// <summary>Per site, the newest decision and the decisions on its day, stalest first.</summary>
    public IReadOnlyList<SiteFreshness> Sites()
    {
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None).Rows("""
            WITH newest AS (SELECT site, max(decided_at) AS newest FROM decisions WHERE site IS NOT NULL GROUP BY site)
            SELECT n.site, n.newest, count(*) FROM newest n JOIN decisions d ON d.site = n.site AND d.decided_at::DATE = n.newest::DATE
            GROUP BY n.site, n.newest ORDER BY n.newest, n.site
            """, r => new SiteFreshness(r.GetString(0), r.GetDateTime(1), r.GetInt64(2)));
    }

    /// <summary>Rows still in quarantine by table and rule, largest first, each with up to <paramref name="samples"/> rows.</summary>
    public IReadOnlyList<QuarantineReason> Quarantine(int samples = 3) => Reasons("rejected", samples);

    /// <summary>
    /// Rows waiting (pending, not rejected) by table and rule, largest first: audits and appeals waiting for their decision
    /// (<c>orphan_reference</c>), decisions and staffing rows waiting for a market, queue, policy or site code
    /// (<c>unknown_reference</c>); each with up to <paramref name="samples"/> rows, whose message names the code.
    /// </summary>
    public IReadOnlyList<QuarantineReason> Pending(int samples = 3) => Reasons("pending", samples);

    private List<QuarantineReason> Reasons(string status, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        using var connection = store.OpenConnection();
        var sql = new SqlRunner(connection, CancellationToken.None);
        var rows = sql.Rows("""
            SELECT q.table_name, q.rule, f.name, q.line, q.field, q.message, q.raw_row,
                   count(*) OVER (PARTITION BY q.table_name, q.rule) AS total,
                   row_number() OVER (PARTITION BY q.table_name, q.rule ORDER BY q.file_id, q.line) AS n
            FROM quarantine q JOIN files f USING (file_id)
            WHERE q.status = $status
            QUALIFY n <= greatest($samples, 1)
            """, r => (Table: r.GetString(0), Rule: r.GetString(1), Total: r.GetInt64(7), N: r.GetInt64(8),
                Sample: new QuarantineSample(r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? null : r.GetString(4),
                    r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6))),
            ("samples", samples), ("status", status));
        return rows.GroupBy(r => (r.Table, r.Rule))
            .Select(g => new QuarantineReason(g.Key.Table, g.Key.Rule, g.First().Total,
                g.Where(r => r.N <= samples).OrderBy(r => r.N).Select(r => r.Sample).ToList()))
            .OrderByDescending(r => r.Rows).ThenBy(r => r.Table, StringComparer.Ordinal).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The last <paramref name="limit"/> loads, newest first.</summary>
    public IReadOnlyList<LoadRecord> Loads(int limit = 20)
    {
        using var connection = store.OpenConnection();
        return new SqlRunner(connection, CancellationToken.None).Rows("""
            SELECT load_id, started_at, finished_at, files, rows_loaded, rows_quarantined, rows_pending, rows_released
            FROM loads ORDER BY load_id DESC LIMIT $limit
            """, r => new LoadRecord(r.GetInt64(0), r.GetDateTime(1), r.IsDBNull(2) ? null : r.GetDateTime(2), r.GetInt32(3),
                r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)), ("limit", limit));
    }
}
