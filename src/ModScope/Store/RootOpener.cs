using System.Diagnostics;
using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>
/// Opens the connection that keeps a store's database instance alive: read-write (applying migrations) or read-only
/// (checking the schema version, since a read cannot migrate), waiting while another process holds a conflicting lock.
/// </summary>
internal static class RootOpener
{
    public static DuckDBConnection Open(string path, bool writable, TimeSpan wait, bool checkVersion = true)
    {
        var connectionString = writable || path == ":memory:" ? $"Data Source={path}" : $"Data Source={path};ACCESS_MODE=READ_ONLY";
        var started = Stopwatch.StartNew();
        while (true)
        {
            DuckDBConnection? root = null;
            try
            {
                root = new DuckDBConnection(connectionString);
                root.Open();
                Configure(root);
                if (writable)
                {
                    Migrator.Apply(root, path);
                }
                else if (checkVersion)
                {
                    CheckVersion(root, path);
                }
                return root;
            }
            catch (DuckDBException ex) when (StoreErrors.IsLocked(ex.Message))
            {
                root?.Dispose();
                if (started.Elapsed >= wait)
                {
                    throw StoreErrors.Locked(path, ex, writable, started.Elapsed);
                }
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(250, 25 + started.ElapsedMilliseconds / 10)));
            }
            catch (DuckDBException ex)
            {
                root?.Dispose();
                throw StoreErrors.Translate(ex, path) ?? new StoreException($"Cannot open store '{path}': {ex.Message.Split('\n')[0].Trim()}", ex);
            }
            catch
            {
                root?.Dispose();
                throw;
            }
        }
    }

    public static void Configure(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SET TimeZone = 'UTC'";
        command.ExecuteNonQuery();
    }

    /// <summary>The schema version of the store at <paramref name="path"/>, read without writing (0 for a file with no schema).</summary>
    public static int ReadVersion(string path, TimeSpan wait)
    {
        using var root = Open(path, writable: false, wait, checkVersion: false);
        return Version(root);
    }

    private static int Version(DuckDBConnection root)
    {
        using var command = root.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0 ? 0 : Migrator.CurrentVersion(root);
    }

    private static void CheckVersion(DuckDBConnection root, string path)
    {
        var version = Version(root);
        if (version < Migrations.Latest)
        {
            throw new StoreException(
                $"Store '{path}' has schema version {version}, older than this ModScope's {Migrations.Latest}, and a read cannot upgrade it: " +
                "open it once for writing (modscope serve, ingest or monitor) first.");
        }
        if (version > Migrations.Latest)
        {
            throw new StoreException($"Store '{path}' has schema version {version}, newer than this ModScope understands ({Migrations.Latest}); upgrade ModScope.");
        }
    }
}
