using DuckDB.NET.Data;
using ModScope.Store;

namespace ModScope.Tests.Support;

/// <summary>A store and a scratch folder under the temp directory, deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    private readonly TempFolder _folder = new("modscope-store-");

    public TempStore()
    {
        StorePath = _folder.Sub("store.duckdb");
        Store = ModScopeStore.Open(StorePath);
    }

    public string Directory => _folder.Path;
    public string StorePath { get; }
    public ModScopeStore Store { get; }

    public string File(string name) => _folder.Sub(name);

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
        _folder.Dispose();
    }
}
