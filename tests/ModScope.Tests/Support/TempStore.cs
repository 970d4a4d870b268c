using DuckDB.NET.Data;
using ModScope.Store;

namespace ModScope.Tests.Support;

/// <summary>A store and a scratch folder under the temp directory, deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "modscope-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        StorePath = System.IO.Path.Combine(Directory, "store.duckdb");
        Store = ModScopeStore.Open(StorePath);
    }

    public string Directory { get; }
    public string StorePath { get; }
    public ModScopeStore Store { get; }

    public string File(string name) => System.IO.Path.Combine(Directory, name);

    public long Count(string sql)
    {
        using var connection = Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public List<object?[]> Rows(string sql)
    {
        using var connection = Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add(values.Select(v => v is DBNull ? null : v).ToArray());
        }
        return rows;
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still mapped by DuckDB on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
