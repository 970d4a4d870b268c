using System.Globalization;
using DuckDB.NET.Data;

namespace ModScope.Common;

/// <summary>
/// Runs statements on one connection with named parameters. DuckDB.NET's async methods run
/// synchronously, so cancellation is tied to <see cref="DuckDBCommand.Cancel"/> (interrupting a long
/// read_csv mid-file) and surfaces as <see cref="OperationCanceledException"/> (<see cref="Interruptible"/>).
/// </summary>
internal sealed class SqlRunner(DuckDBConnection connection, CancellationToken cancellationToken)
{
    /// <summary>MODSCOPE_TRACE_SQL=1 prints each statement's time to stderr (for profiling loads).</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("MODSCOPE_TRACE_SQL") == "1";

    /// <summary>With tracing on, prints the time since <paramref name="started"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) and what it was.</summary>
    public static void TraceStep(long started, string what)
    {
        if (Trace)
        {
            Console.Error.WriteLine($"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,8:F0} ms  {what.Split('\n')[0]}");
        }
    }

    /// <summary>
    /// With tracing on, prints the time since <paramref name="started"/> and the whole statement on one line (a metric
    /// statement's first line rarely tells it apart), so a trace can be aggregated by statement; with
    /// <paramref name="rows"/>, the rows it returned first.
    /// </summary>
    public static void TraceStatement(long started, string sql, int? rows = null)
    {
        if (Trace)
        {
            var statement = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            TraceStep(started, rows is { } n ? $"{n} rows  {statement}" : statement);
        }
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Prepare(sql, parameters);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = Interruptible.Run(command, c => c.ExecuteNonQuery(), cancellationToken);
        TraceStep(started, sql);
        return rows;
    }

    public long ScalarLong(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Prepare(sql, parameters);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var value = Interruptible.Run(command, c => c.ExecuteScalar(), cancellationToken);
        TraceStep(started, sql);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    public List<T> Rows<T>(string sql, Func<DuckDBDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Prepare(sql, parameters);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = Interruptible.Run(command, c =>
        {
            using var reader = c.ExecuteReader();
            var read = new List<T>();
            while (reader.Read())
            {
                read.Add(map(reader));
            }
            return read;
        }, cancellationToken);
        TraceStep(started, sql);
        return rows;
    }

    /// <summary>Sees every statement before it runs (tests use it to tell which reads a load made).</summary>
    public Action<string>? OnStatement { get; init; }

    private DuckDBCommand Prepare(string sql, (string Name, object? Value)[] parameters)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OnStatement?.Invoke(sql);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        }
        return command;
    }
}
