using System.Text;
using DuckDB.NET.Data;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Query;
using ModScope.Query.Rollups;

namespace ModScope.ClickHouse;

/// <summary>
/// The local days of each rollup table a ClickHouse load changes. The rows a load can change are those under its keys:
/// for decisions, audits and appeals every row of a decision the load brings a decision, audit or appeal of (a replaced
/// decision moves its audits and appeals with it, a released audit joins its decision); for staffing the load's keys. Their
/// days are read before the rows are shipped (where replaced rows still lie) and again after (where their replacements
/// and released rows lie): the union is every day whose rollup rows can differ. The keys go to a Memory table on the
/// node asked, and GLOBAL IN sends them to every shard, as <see cref="StoredRows"/> does. A superset is harmless (those
/// days are recounted to the same rows); a day missed would not be.
/// </summary>
internal sealed class ClickHouseTouchedDays(ClickHouseEngine engine, MetricCatalog catalog, RollupDefinition rollup) : IAsyncDisposable
{
    private readonly Dictionary<string, string> _keyTables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Source, string Time), SortedSet<DateTime>> _days = [];

    /// <summary>Sends the keys of the rows staged for this load (file ids above <paramref name="floor"/>) to the node.</summary>
    public async Task SendKeysAsync(DuckDBConnection stage, long floor, IEnumerable<string> sources, CancellationToken cancellationToken)
    {
        foreach (var columns in sources.Select(KeyColumns).DistinctBy(c => string.Join(",", c)))
        {
            var from = columns.SequenceEqual(["decision_id"])
                ? string.Join(" UNION ", EventSchema.All.Where(t => t.Find("decision_id") is not null).Select(t => $"SELECT decision_id FROM {t.Name} WHERE file_id > {floor}"))
                : $"SELECT DISTINCT {string.Join(", ", columns)} FROM {EventSchema.All.Single(t => t.Key.SequenceEqual(columns)).Name} WHERE file_id > {floor}";
            var tsv = TsvWriter.Rows(stage, from);
            var table = $"rollup_keys_{Guid.NewGuid():N}";
            var types = string.Join(", ", columns.Select(c => $"{c} {ClickHouseSchema.TypeOf(ColumnOf(c) with { Required = true })}"));
            await engine.ExecuteAsync($"CREATE TABLE {engine.Options.Database}.{table} ({types}) ENGINE = Memory", cancellationToken).ConfigureAwait(false);
            _keyTables[string.Join(",", columns)] = table;
            if (tsv.Length > 0)
            {
                using var content = new StringContent(tsv.ToString(), Encoding.UTF8);
                await engine.InsertTsvAsync(table, content, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Adds the days the rows under the load's keys have now (call before shipping and after).</summary>
    public async Task ReadAsync(ISqlDialect dialect, IEnumerable<(string Source, string Time)> tables, CancellationToken cancellationToken)
    {
        foreach (var (source, time) in tables.Distinct())
        {
            var scope = new RequestScope(dialect, catalog, new MetricRequest([], [], TimeGrain.Day, [],
                new Period(new DateTime(1970, 1, 1), new DateTime(2100, 1, 1), rollup.TimeZone, "any day")));
            var parameters = new SqlParameters(dialect);
            var relation = new SourceRelation(dialect, source);
            var day = scope.Bucket(relation, time, parameters);
            var columns = KeyColumns(source);
            var keys = string.Join(", ", columns.Select(relation.Column));
            var sql = $"SELECT DISTINCT {day} FROM {relation.From}\nWHERE ({keys}) GLOBAL IN (SELECT {string.Join(", ", columns)} FROM {_keyTables[string.Join(",", columns)]})";
            var rows = await engine.QueryAsync(sql, parameters.Values, cancellationToken).ConfigureAwait(false);
            var days = _days.TryGetValue((source, time), out var known) ? known : _days[(source, time)] = [];
            days.UnionWith(rows.Where(r => r[0] is DateTime).Select(r => ((DateTime)r[0]!).Date));
        }
    }

    /// <summary>The days read for a table's source and dating column.</summary>
    public SortedSet<DateTime> Of(RollupTable table) => _days.TryGetValue((table.Source, table.Time), out var days) ? days : [];

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _keyTables.Values)
        {
            await engine.ExecuteAsync($"DROP TABLE IF EXISTS {engine.Options.Database}.{table}").ConfigureAwait(false);
        }
    }

    /// <summary>The columns naming the rows a load can change: a decision's id for decisions and the rows that carry one, else the table's key.</summary>
    private static IReadOnlyList<string> KeyColumns(string source) =>
        EventSchema.Find(source)?.Find("decision_id") is not null ? ["decision_id"] : EventSchema.Find(source)!.Key;

    private static ColumnSpec ColumnOf(string name) =>
        EventSchema.All.Select(t => t.Find(name)).First(c => c is not null)!;
}
