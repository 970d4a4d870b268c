using ModScope.Catalog;
using ModScope.Common;
using ModScope.Ingest;
using ModScope.Model;

namespace ModScope.Query.Rollups;

/// <summary>
/// Keeps each of the catalogue's rollups equal to its rebuild from the raw rows, inside each load's transaction (so a
/// rolled-back load leaves neither rows nor rollups changed): the days the load touched are deleted from every rollup
/// table and aggregated again from raw by the table's own statement. A rollup is rebuilt whole instead when the store has
/// none of that name, when it was built for another layout (a changed catalogue) or missed a load (one run without this
/// maintenance), or when the load brought reference rows or exchange rates (a market's region, a queue's SLA, a rate can
/// change any day). Each rollup has its own state row (<c>rollups</c>), so one can be current while another is rebuilt.
/// </summary>
public sealed class RollupMaintainer(MetricCatalog catalog) : LoadMaintenance
{
    // Its statements run inside the load's transaction: the dialect whose decision join suits uncommitted tables.
    private static readonly DuckDbDialect Dialect = DuckDbDialect.InLoad;

    /// <summary>Per source, whether the current load replaced rows of it or of its decisions (asked once per load, not per table).</summary>
    private readonly Dictionary<string, bool> _replaced = new(StringComparer.Ordinal);

    /// <summary>What the last load's (or <see cref="BringUpToDate"/>'s) upkeep did, per rollup and table, in order (tests).</summary>
    internal List<(string Rollup, string Table, RollupUpkeep Upkeep)> Actions { get; } = [];

    /// <summary>The wall and process CPU time the last load's upkeep of every rollup took (for the ingest bench), or null before one.</summary>
    public (TimeSpan Wall, TimeSpan Cpu)? LastUpkeep { get; private set; }

    internal override void AfterLoad(SqlRunner sql, long loadId)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (catalog.Rollups.Count == 0)
        {
            return;
        }
        var clock = WallCpuClock.Start();
        Actions.Clear();
        _replaced.Clear();
        // The days a load touched are a table's source's and dating column's, whichever rollup: found once for all.
        var touched = new Dictionary<(string Source, string Time, string Zone), SortedSet<DateTime>>();
        foreach (var rollup in catalog.Rollups)
        {
            Maintain(sql, rollup, loadId, touched);
        }
        LastUpkeep = clock.Elapsed;
    }

    /// <summary>
    /// Outside a load: rebuilds from every row, in one transaction, each rollup whose store copy is missing, was built for
    /// another layout (a store made before a catalogue's rollup changed) or misses a load; a current one is left as it is.
    /// Returns whether it rebuilt any (false too when the catalogue has no rollup or the store no load). A store the door
    /// reads raw for a stale rollup is otherwise brought up to date by its next maintained load only.
    /// </summary>
    public bool BringUpToDate(Store.ModScopeStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (catalog.Rollups.Count == 0)
        {
            return false;
        }
        using var connection = store.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var sql = new SqlRunner(connection, cancellationToken);
        var latest = sql.ScalarLong("SELECT coalesce(max(load_id), 0) FROM loads");
        var stale = catalog.Rollups.Where(r => Stored(sql, r) is not [var one] || one.Hash != new RollupLayout(catalog, r, Dialect).Hash || one.Load != latest).ToList();
        if (latest == 0 || stale.Count == 0)
        {
            return false;
        }
        var clock = WallCpuClock.Start();
        Actions.Clear();
        foreach (var rollup in stale)
        {
            Maintain(sql, rollup, latest, touched: null);
        }
        transaction.Commit();
        LastUpkeep = clock.Elapsed;
        return true;
    }

    private static List<(string Hash, long Load)> Stored(SqlRunner sql, RollupDefinition rollup) =>
        sql.Rows("SELECT layout_hash, load_id FROM rollups WHERE name = $name", r => (Hash: r.GetString(0), Load: r.GetInt64(1)), ("name", rollup.Name));

    /// <summary>One rollup after load <paramref name="loadId"/>: its touched days refreshed, or (no <paramref name="touched"/>, or stale) rebuilt.</summary>
    private void Maintain(SqlRunner sql, RollupDefinition rollup, long loadId, Dictionary<(string Source, string Time, string Zone), SortedSet<DateTime>>? touched)
    {
        var layout = new RollupLayout(catalog, rollup, Dialect);
        var stored = Stored(sql, rollup);
        var events = string.Join(", ", EventSchema.All.Select(t => Store.SqlText.Literal(t.Name)));
        var otherTables = sql.ScalarLong($"SELECT count(*) FROM files WHERE load_id = $load AND table_name NOT IN ({events})", ("load", loadId));
        var rebuild = touched is null || stored.Count != 1 || stored[0].Hash != layout.Hash || stored[0].Load != loadId - 1 || otherTables > 0;
        foreach (var table in layout.Tables)
        {
            // The load's rows are not committed yet, so DuckDB estimates their tables as empty and builds the hash table
            // of a reference join on the events rather than on the reference rows they look up (a right join of every
            // market row to every decision: 1.2-1.9 s of CPU instead of 0.2 s at 1M decisions). The written order
            // (events, then what they look up) is right for a table of decisions or staffing rows; an audit's or
            // appeal's decision join is left to the optimizer, and reads only the decisions that have such a row
            // (DuckDbDialect.InLoad), so whichever side it hashes is the children's size, not every decision's.
            var ordered = !ColumnPaths.HasDecision(table.Source);
            if (ordered)
            {
                sql.Execute("SET disabled_optimizers = 'build_side_probe_side'");
            }
            try
            {
                if (rebuild)
                {
                    Rebuild(sql, table, rollup.TimeZone);
                    Actions.Add((rollup.Name, table.Name, RollupUpkeep.Rebuilt));
                }
                else
                {
                    var key = (table.Source, table.Time, rollup.TimeZone);
                    if (!touched!.TryGetValue(key, out var days))
                    {
                        touched[key] = days = TouchedDays.Of(sql, table, rollup.TimeZone, loadId);
                    }
                    // Days the table holds no row on get their rows inserted (the common case: a new day's file); days it
                    // holds rows on are recounted, and so is every touched day when the load replaced rows (which moves
                    // rows out of some days).
                    if (!_replaced.TryGetValue(table.Source, out var replaced))
                    {
                        _replaced[table.Source] = replaced = Replaced(sql, table.Source);
                    }
                    var held = replaced ? days : Held(sql, table, days);
                    var fresh = new SortedSet<DateTime>(days.Except(held));
                    foreach (var run in TouchedDays.Runs(fresh, merge: false))
                    {
                        Append(sql, table, run, loadId);
                        Actions.Add((rollup.Name, table.Name, RollupUpkeep.Appended));
                    }
                    foreach (var run in TouchedDays.Runs(held))
                    {
                        Refresh(sql, table, run);
                        Actions.Add((rollup.Name, table.Name, RollupUpkeep.Refreshed));
                    }
                }
            }
            finally
            {
                if (ordered)
                {
                    sql.Execute("RESET disabled_optimizers");
                }
            }
        }
        sql.Execute("DELETE FROM rollups WHERE name = $name", ("name", rollup.Name));
        sql.Execute("INSERT INTO rollups VALUES ($name, $hash, $zone, $load, $now)",
            ("name", rollup.Name), ("hash", layout.Hash), ("zone", rollup.TimeZone), ("load", loadId), ("now", DateTime.UtcNow));
    }

    /// <summary>The table from every row: its statement over the days from the oldest row's to the newest's.</summary>
    private static void Rebuild(SqlRunner sql, RollupTable table, string zone)
    {
        var span = TouchedDays.Span(sql, table, zone);
        var statement = table.Build(span ?? new Period(new DateTime(2000, 1, 1), new DateTime(2000, 1, 2), zone, "empty"));
        sql.Execute($"DROP TABLE IF EXISTS {Dialect.Quote(table.Name)}");
        // An empty source gives the table its columns only (not a join of no rows to every decision).
        sql.Execute($"CREATE TABLE {Dialect.Quote(table.Name)} AS {(span is null ? $"SELECT * FROM ({statement.Sql}) LIMIT 0" : statement.Sql)}", Parameters(statement));
    }

    /// <summary>The days of <paramref name="days"/> the table holds rows on (so the raw rows before the load held rows there that it counts).</summary>
    private static SortedSet<DateTime> Held(SqlRunner sql, RollupTable table, SortedSet<DateTime> days)
    {
        if (days.Count == 0)
        {
            return [];
        }
        var stored = sql.Rows($"SELECT DISTINCT CAST(k0 AS TIMESTAMP) FROM {Dialect.Quote(table.Name)} WHERE k0 >= $start AND k0 < $end",
            r => r.GetDateTime(0), ("start", days.Min), ("end", days.Max.AddDays(1)));
        return new SortedSet<DateTime>(stored.Where(days.Contains));
    }

    /// <summary>Whether the load replaced rows of <paramref name="source"/> (or, for an audit or appeal, of their decisions).</summary>
    private static bool Replaced(SqlRunner sql, string source) =>
        TouchedDays.Holds(sql, "replaced_" + source) || (ColumnPaths.HasDecision(source) && TouchedDays.Holds(sql, "replaced_decisions"));

    /// <summary>
    /// Days the table held no row on (and, the rollup being current through the load before, no raw row it counts): their
    /// rows inserted, with no delete. A kind whose rows count on their own (<see cref="RollupTable.RowLocal"/>) reads just
    /// the load's rows (its files' rows, and for an audit or appeal those of the decisions it wrote, as a released pending
    /// row keeps its file): the rows of those days are the load's, or rows the statement does not count. QA strata and
    /// pairs number a decision's audits across the table, so they read the stored rows of those days.
    /// </summary>
    private static void Append(SqlRunner sql, RollupTable table, Period days, long loadId)
    {
        var rows = table.RowLocal ? $"({TouchedDays.LoadRows(table.Source, TouchedDays.LoadFiles(sql, loadId))})" : null;
        var statement = table.BuildFrom(days, rows);
        sql.Execute($"INSERT INTO {Dialect.Quote(table.Name)} {statement.Sql}", Parameters(statement));
    }

    /// <summary>The table's rows of the days in <paramref name="days"/> deleted and aggregated again.</summary>
    private static void Refresh(SqlRunner sql, RollupTable table, Period days)
    {
        sql.Execute($"DELETE FROM {Dialect.Quote(table.Name)} WHERE k0 >= $start AND k0 < $end", ("start", days.Start), ("end", days.End));
        var statement = table.Build(days);
        sql.Execute($"INSERT INTO {Dialect.Quote(table.Name)} {statement.Sql}", Parameters(statement));
    }

    private static (string Name, object? Value)[] Parameters(PlannedStatement statement) =>
        [.. statement.Parameters.Select(p => (p.Key, p.Value))];
}

/// <summary>How a load's upkeep kept one rollup table: its new days inserted, its touched days recounted, or rebuilt from every row.</summary>
internal enum RollupUpkeep
{
    Appended,
    Refreshed,
    Rebuilt,
}
