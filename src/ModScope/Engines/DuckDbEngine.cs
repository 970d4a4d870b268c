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

    /// <summary>The store's own reference tables (read per call: a load may have added rows since).</summary>
    public ReferenceData Reference => StoredReference.Load(store);

    /// <summary>The store's bookkeeping of its rollup (read per request: a load may have moved it on).</summary>
    public RollupState? Rollup(string name)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT layout_hash, time_zone, load_id, (SELECT max(load_id) FROM loads) FROM rollups WHERE name = $name";
        command.Parameters.Add(new DuckDBParameter("name", name));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new RollupState(name, reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3))
            : null;
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
            SqlRunner.TraceStep(started, $"{rows.Count} rows  {TraceLine(sql)}");
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

    /// <summary>What a traced statement reads: its first FROM line (the first line of a metric statement is its columns).</summary>
    private static string TraceLine(string sql) =>
        sql.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("FROM ", StringComparison.Ordinal)) ?? sql;

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
