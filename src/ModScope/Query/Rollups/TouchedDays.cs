using ModScope.Catalog;
using ModScope.Common;
using ModScope.Model;

namespace ModScope.Query.Rollups;

/// <summary>
/// The local days of a rollup table a load changed: the days (by the table's dating column, in the rollup's zone) of the
/// rows the load wrote, of the audits and appeals of the decisions it wrote or replaced (their decision's dimensions and
/// dates are theirs), and of the rows it replaced (kept in <c>replaced_TABLE</c> by the load). A pending audit or
/// appeal released by the load belongs to a decision the load wrote, so it is among them. A superset is harmless (those
/// days are recounted to the same rows); a day missed would not be, hence every path above.
/// </summary>
internal static class TouchedDays
{
    private static readonly ISqlDialect Dialect = DuckDbDialect.Instance;

    public static SortedSet<DateTime> Of(SqlRunner sql, RollupTable table, string zone, long loadId)
    {
        var days = new SortedSet<DateTime>();
        // The rows the load changed, found before anything is joined to them: its files' rows (the load's file ids as
        // literals, so the engine skips the row groups of older files by their zone maps), and for an audit or appeal
        // those of the decisions it wrote or replaced (a semi-join of every row's decision id to those few decisions).
        // One branch each (duplicates do not change the distinct days): a condition OR-ing them, read through the
        // decision join, cost 3-12 s per table at 51M decisions. A replaced_ table the load left empty adds no branch.
        var changed = new List<string> { LoadRows(table.Source, LoadFiles(sql, loadId)) };
        if (ColumnPaths.HasDecision(table.Source) && Holds(sql, "replaced_decisions"))
        {
            changed.Add($"SELECT * FROM {Dialect.Quote(table.Source)} WHERE decision_id IN (SELECT decision_id FROM replaced_decisions)");
        }
        days.UnionWith(Days(sql, table.Source, $"({string.Join(" UNION ALL ", changed)})", table.Time, zone));
        if (Holds(sql, "replaced_" + table.Source))
        {
            days.UnionWith(Days(sql, table.Source, $"(SELECT * FROM {Dialect.Quote("replaced_" + table.Source)})", table.Time, zone));
        }
        if (ColumnPaths.HasDecision(table.Source) && table.Time.StartsWith("decision.", StringComparison.Ordinal) && Holds(sql, "replaced_decisions"))
        {
            days.UnionWith(Days(sql, "decisions", "(SELECT * FROM replaced_decisions)", table.Time["decision.".Length..], zone));
        }
        return days;
    }

    /// <summary>
    /// Consecutive days as periods (with <paramref name="merge"/>, many scattered days as one span, so a table is not
    /// scanned once per day; days to be appended are never merged: a span would take in days between them).
    /// </summary>
    public static IReadOnlyList<Period> Runs(SortedSet<DateTime> days, bool merge = true)
    {
        var runs = new List<Period>();
        foreach (var day in days)
        {
            if (runs.Count > 0 && runs[^1].End == day)
            {
                runs[^1] = runs[^1] with { End = day.AddDays(1) };
            }
            else
            {
                runs.Add(new Period(day, day.AddDays(1), "", "touched days"));
            }
        }
        return runs.Count <= MaxRuns || !merge ? runs : [new Period(runs[0].Start, runs[^1].End, "", "touched days")];
    }

    /// <summary>
    /// The local days from the oldest to the newest value of the table's dating column (within .NET's calendar), or null
    /// when its source has no row. The column is read from the table that holds it, without the source's joins: an
    /// audit's own time from the audits alone, a <c>decision.…</c> time from the decisions (a superset of the audited
    /// decisions' days, which is harmless: the statement over a wider span finds the same rows). Joining every audit to its
    /// decision only to bound the days cost 2.5–5.7 s per table in the demo's first load (1.8M decisions, machine shared).
    /// </summary>
    public static Period? Span(SqlRunner sql, RollupTable table, string zone)
    {
        if (sql.ScalarLong($"SELECT count(*) FROM (SELECT 1 FROM {Dialect.Quote(table.Source)} LIMIT 1)") == 0)
        {
            return null;
        }
        var (holder, name) = ColumnPaths.HasDecision(table.Source) && table.Time.StartsWith("decision.", StringComparison.Ordinal)
            ? (EventSchema.Decisions.Name, table.Time["decision.".Length..])
            : (table.Source, table.Time);
        var column = Dialect.Quote(name);
        var bounds = sql.Rows($"SELECT CAST(min({column}) AS TIMESTAMP), CAST(max({column}) AS TIMESTAMP) FROM {Dialect.Quote(holder)} WHERE {Dialect.InCalendar($"CAST({column} AS TIMESTAMP)")}",
            r => r.IsDBNull(0) ? ((DateTime, DateTime)?)null : (Convert.ToDateTime(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToDateTime(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)))[0];
        if (bounds is not var (first, last))
        {
            return null;
        }
        var date = ColumnPaths.Resolve(table.Source, table.Time).Kind == ColumnKind.Date;
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var (from, to) = date ? (first, last)
            : (TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(first, DateTimeKind.Utc), tz), TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(last, DateTimeKind.Utc), tz));
        return new Period(from.Date, to.Date.AddDays(1), zone, "all rows");
    }

    /// <summary>More runs than this are refreshed as one span.</summary>
    private const int MaxRuns = 8;

    /// <summary>The distinct local days of <paramref name="time"/> over <paramref name="rows"/> (a subquery of the source's rows).</summary>
    private static IEnumerable<DateTime> Days(SqlRunner sql, string source, string rows, string time, string zone)
    {
        var relation = new SourceRelation(Dialect, source, rows);
        var column = relation.Column(time);
        var day = ColumnPaths.Resolve(source, time).Kind == ColumnKind.Date
            ? Dialect.Truncate($"CAST({column} AS TIMESTAMP)", TimeGrain.Day)
            : Dialect.Truncate(Dialect.LocalTime(column, "$zone"), TimeGrain.Day);
        return sql.Rows($"SELECT DISTINCT {day} FROM {relation.From} WHERE {Dialect.InCalendar($"CAST({column} AS TIMESTAMP)")}", r => r.GetDateTime(0), ("zone", zone));
    }

    private static bool Exists(SqlRunner sql, string table) =>
        sql.ScalarLong("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = $name", ("name", table)) > 0;

    /// <summary>The ids of the files of load <paramref name="loadId"/> as a SQL list of literals (<c>NULL</c> when none).</summary>
    public static string LoadFiles(SqlRunner sql, long loadId)
    {
        var files = sql.Rows("SELECT file_id FROM files WHERE load_id = $load ORDER BY file_id", r => r.GetInt64(0), ("load", loadId));
        return files.Count == 0 ? "NULL" : string.Join(", ", files.Select(f => f.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The rows of <paramref name="source"/> a load wrote, each once: its files' rows (<paramref name="ids"/>, from
    /// <see cref="LoadFiles"/>: literal ids, so the engine skips the row groups whose file ids lie outside them by their zone
    /// maps) and, for an audit or appeal, the rows of the decisions it wrote (a released pending row keeps its old file).
    /// Two disjoint branches rather than an OR of both conditions, which the engine reads through the decision join
    /// (3-12 s per table at 51M decisions).
    /// </summary>
    public static string LoadRows(string source, string ids)
    {
        var quoted = Dialect.Quote(source);
        return $"SELECT * FROM {quoted} WHERE file_id IN ({ids})" + (ColumnPaths.HasDecision(source)
            ? $" UNION ALL SELECT * FROM {quoted} WHERE decision_id IN (SELECT decision_id FROM {Dialect.Quote(EventSchema.Decisions.Name)} WHERE file_id IN ({ids})) " +
              $"AND file_id NOT IN ({ids})"
            : "");
    }

    /// <summary>Whether the load's temporary table <paramref name="table"/> (rows it replaced) exists and holds a row.</summary>
    public static bool Holds(SqlRunner sql, string table) =>
        Exists(sql, table) && sql.ScalarLong($"SELECT count(*) FROM (SELECT 1 FROM {Dialect.Quote(table)} LIMIT 1)") > 0;
}
