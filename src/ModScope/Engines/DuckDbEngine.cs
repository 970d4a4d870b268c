using DuckDB.NET.Data;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Engines;

/// <summary>Runs metric SQL on the embedded DuckDB store, one short-lived connection per statement.</summary>
public sealed class DuckDbEngine(ModScopeStore store) : IMetricEngine
{
    public ISqlDialect Dialect => DuckDbDialect.Instance;

    public Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
        // DuckDB.NET runs synchronously; cancelling interrupts the running query.
        using var registration = cancellationToken.Register(command.Cancel);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(values);
        }
        return Task.FromResult<IReadOnlyList<object?[]>>(rows);
    }
}
