using System.Collections.Concurrent;
using DuckDB.NET.Data;
using ModScope.Common;
using ModScope.Model;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Engines;

/// <summary>
/// Runs metric SQL on the embedded DuckDB store. Connections are pooled (a connection serves one statement
/// at a time), so a request of several statements or many concurrent requests do not pay for opening each; except on a
/// shared store (the server's), whose writes wait for every connection to close: there each statement opens its own.
/// </summary>
public sealed class DuckDbEngine(ModScopeStore store) : IMetricEngine, IDisposable
{
    private readonly ConcurrentBag<DuckDBConnection> _idle = [];

    public ISqlDialect Dialect => DuckDbDialect.Instance;

    private readonly VersionedValue<long, ReferenceData> _reference = new();
    private readonly VersionedValue<long, IReadOnlyDictionary<string, DateTime>> _firstDays = new();
    private readonly VersionedValue<string, IReadOnlyDictionary<string, RollupState>> _rollups = new();

    /// <summary>
    /// The store's own reference tables, read again only when the store's loads moved on since the last read (one cheap
    /// read of the newest load per call instead of six tables): every write of reference rows is a load, recorded in
    /// <c>loads</c> in the same transaction (a load that is rolled back writes neither), and load ids only grow. The version
    /// is read before the tables, so a load committing in between costs one more read, never a stale answer.
    /// </summary>
    public ReferenceData Reference => _reference.Get(StoreVersion(), () => StoredReference.Load(store));

    /// <summary>How many times this engine read the reference tables (tests: a repeated request must not read them again).</summary>
    internal int ReferenceReads => _reference.Reads;

    /// <summary>
    /// Each event table's earliest dating instant (<see cref="IMetricEngine.FirstDays"/>), read again only when the store's
    /// loads moved on, as <see cref="Reference"/> is: every write of events is a load. One statement of four minima.
    /// </summary>
    public IReadOnlyDictionary<string, DateTime> FirstDays => _firstDays.Get(StoreVersion(), ReadFirstDays);

    private Dictionary<string, DateTime> ReadFirstDays()
    {
        var data = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = string.Join(" UNION ALL ", EventSchema.All.Select(t =>
            $"SELECT '{t.Name}', CAST(min(\"{t.AsOf}\") AS TIMESTAMP) FROM \"{t.Name}\""));
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!reader.IsDBNull(1))
            {
                data[reader.GetString(0)] = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
            }
        }
        // Traced as a metric statement is (MODSCOPE_TRACE_SQL=1), so its cost shows beside theirs.
        SqlRunner.TraceStatement(started, command.CommandText, data.Count);
        return data;
    }

    /// <summary>How many times this engine read the tables' first days (tests: a repeated comparison must not read them again).</summary>
    internal int FirstDayReads => _firstDays.Reads;

    // The newest load and the number of loads: both move with every load that wrote anything.
    private const string LoadsVersion = "SELECT coalesce(max(load_id), 0) * 1000003 + count(*) FROM loads";

    private long StoreVersion() => Convert.ToInt64(Scalar(LoadsVersion), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// One statement on a pooled connection (each serves one statement at a time, so concurrent requests each take their
    /// own), or on a connection of its own on a shared store, whose writes wait for every connection to close.
    /// </summary>
    private object? Scalar(string sql)
    {
        var connection = _idle.TryTake(out var pooled) ? pooled : store.OpenConnection();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            var value = command.ExecuteScalar();
            if (store.Mode != StoreMode.Shared)
            {
                _idle.Add(connection);
                connection = null;
            }
            return value;
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>How many times this engine read the rollups' states (tests: requests between two versions must not read them again).</summary>
    internal int RollupReads => _rollups.Reads;

    // The rollups' state moves with a load (its upkeep writes in the load's transaction) and with a rebuild outside a load
    // (RollupMaintainer.BringUpToDate rewrites the state rows with a new built_at): the loads' version and the state rows' newest
    // build and count name it.
    private const string RollupsVersion = "SELECT CAST((" + LoadsVersion + ") AS VARCHAR) || '/' || " +
        "(SELECT coalesce(CAST(epoch_us(max(built_at)) AS VARCHAR), '') || '/' || CAST(count(*) AS VARCHAR) FROM rollups)";

    /// <summary>
    /// The store's bookkeeping of a rollup, with its tables' rows as DuckDB estimates them (<c>duckdb_tables().estimated_size</c>,
    /// metadata: no table is scanned). Every rollup's state is read in one statement and kept until the store's version
    /// (its loads and the state rows) moves, so a request asks one cheap version read per rollup instead of a connection and
    /// a read of <c>duckdb_tables()</c> each. The version is read before the states: a load committing in between costs one
    /// more read, never a stale state kept.
    /// </summary>
    public RollupState? Rollup(string name) => _rollups.Get((string)Scalar(RollupsVersion)!, ReadRollups).GetValueOrDefault(name);

    private Dictionary<string, RollupState> ReadRollups()
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT r.name, r.layout_hash, r.time_zone, r.load_id, (SELECT max(load_id) FROM loads), " +
            "(SELECT CAST(sum(estimated_size) AS BIGINT) FROM duckdb_tables() WHERE NOT temporary AND regexp_full_match(table_name, 'rollup_' || r.name || '_[0-9]+')) " +
            "FROM rollups AS r";
        using var reader = command.ExecuteReader();
        var states = new Dictionary<string, RollupState>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var name = reader.GetString(0);
            states[name] = new RollupState(name, reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5));
        }
        return states;
    }

    public Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        cancellationToken.ThrowIfCancellationRequested();
        var connection = _idle.TryTake(out var pooled) ? pooled : store.OpenConnection();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
            }
            // DuckDB.NET runs synchronously; cancelling interrupts the running query (OperationCanceledException).
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var rows = Interruptible.Run(command, c =>
            {
                using var reader = c.ExecuteReader();
                var read = new List<object?[]>();
                while (reader.Read())
                {
                    var values = new object?[reader.FieldCount];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    }
                    read.Add(values);
                }
                return read;
            }, cancellationToken);
            SqlRunner.TraceStatement(started, sql, rows.Count);
            if (store.Mode != StoreMode.Shared)
            {
                _idle.Add(connection);
                connection = null;
            }
            return Task.FromResult<IReadOnlyList<object?[]>>(rows);
        }
        finally
        {
            // A connection whose statement failed is not reused.
            connection?.Dispose();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
