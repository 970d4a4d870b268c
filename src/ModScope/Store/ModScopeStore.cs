using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>
/// The one owner of a DuckDB store file. Opening creates the file if needed and applies missing
/// migrations; <see cref="OpenConnection"/> hands out short-lived connections that share the
/// database instance. Dispose closes the file.
/// </summary>
public sealed class ModScopeStore : IDisposable
{
    private readonly DuckDBConnection _root;

    private ModScopeStore(string path, DuckDBConnection root)
    {
        Path = path;
        _root = root;
    }

    /// <summary>The store file, or <c>:memory:</c>.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and migrates it.</summary>
    /// <exception cref="StoreException">The file is locked, damaged (or marked damaged, see <see cref="DamageMark"/>) or written by a newer ModScope.</exception>
    public static ModScopeStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (DamageMark.Reason(path) is { } damage)
        {
            throw StoreErrors.Damaged(path, damage);
        }
        if (path != ":memory:")
        {
            var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        DuckDBConnection? root = null;
        try
        {
            root = new DuckDBConnection($"Data Source={path}");
            root.Open();
            Configure(root);
            Migrator.Apply(root, path);
            return new ModScopeStore(path, root);
        }
        catch (DuckDBException ex)
        {
            root?.Dispose();
            throw StoreErrors.Translate(ex, path) ?? new StoreException($"Cannot open store '{path}': {FirstLine(ex.Message)}", ex);
        }
        catch
        {
            root?.Dispose();
            throw;
        }
    }

    /// <summary>A new connection on the same database, configured for UTC. The caller disposes it.</summary>
    public DuckDBConnection OpenConnection()
    {
        // DuckDB.NET shares one database instance between connections to the same file in a process
        // (and Duplicate() does the same for in-memory stores).
        var connection = Path == ":memory:" ? _root.Duplicate() : new DuckDBConnection(_root.ConnectionString);
        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The schema version recorded in the store.</summary>
    public int SchemaVersion()
    {
        using var connection = OpenConnection();
        return Migrator.CurrentVersion(connection);
    }

    public void Dispose() => _root.Dispose();

    private static void Configure(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SET TimeZone = 'UTC'";
        command.ExecuteNonQuery();
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
