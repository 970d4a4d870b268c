using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>Applies the migrations a store is missing, each in its own transaction.</summary>
internal static class Migrator
{
    public static void Apply(DuckDBConnection connection, string path)
    {
        Migrations.Exec(connection, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)
            """);
        var current = CurrentVersion(connection);
        if (current > Migrations.Latest)
        {
            throw new StoreException(
                $"Store '{path}' has schema version {current}, newer than this ModScope understands ({Migrations.Latest}); upgrade ModScope.");
        }

        foreach (var migration in Migrations.All.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            migration.Apply(connection);
            using (var record = connection.CreateCommand())
            {
                record.CommandText = "INSERT INTO schema_migrations VALUES ($version, $name, now()::TIMESTAMP)";
                record.Parameters.Add(new DuckDBParameter("version", migration.Version));
                record.Parameters.Add(new DuckDBParameter("name", migration.Name));
                record.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public static int CurrentVersion(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
