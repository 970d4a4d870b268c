using DuckDB.NET.Data;

namespace ModScope.Monitor.Alerts;

/// <summary>Parameterised statements on one connection (values always go in as parameters).</summary>
internal static class StoreCommands
{
    public static int Execute(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static DuckDBCommand Create(DuckDBConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value switch
            {
                null => DBNull.Value,
                DateOnly day => day.ToDateTime(TimeOnly.MinValue),
                _ => value,
            }));
        }
        return command;
    }
}
