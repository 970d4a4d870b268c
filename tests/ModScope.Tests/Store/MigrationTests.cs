using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Store;

namespace ModScope.Tests.Store;

/// <summary>Released migrations are frozen SQL: an old store opens and migrates, and the live model cannot rewrite them.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-migrations-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_version_1_store_created_from_the_frozen_ddl_opens_migrates_and_keeps_its_rows()
    {
        var path = Path.Combine(_dir, "v1.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            // What a store released at version 1 holds: its bookkeeping table, the frozen DDL, one decision.
            connection.Open();
            Migrations.Run(connection, "CREATE TABLE schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);");
            Migrations.Run(connection, Migrations.Script("0001-initial.sql"));
            Migrations.Run(connection, """
                INSERT INTO decisions (decision_id, market, decided_at, file_id, line) VALUES ('d-1', 'US', TIMESTAMP '2026-01-05 10:00:00', 1, 2);
                INSERT INTO schema_migrations VALUES (1, 'event tables, load bookkeeping, quarantine, reference data', TIMESTAMP '2026-01-01 00:00:00');
                """);
        }

        using var store = ModScopeStore.Open(path);

        Assert.Equal(15, store.SchemaVersion());
        Assert.Equal(15, Migrations.Latest);
        Assert.Empty(new AlertStore(store).List());
        using var read = store.OpenConnection();
        using var command = read.CreateCommand();
        command.CommandText = "SELECT decision_id FROM decisions";
        Assert.Equal("d-1", command.ExecuteScalar());
    }

    [Theory]
    [InlineData("0001-initial.sql", "08f39c691e15227d63569b4eadd2c3d7dc628e7f1c438967cb11b4c2c3dbb57e")]
    [InlineData("0002-monitor.sql", "5f788ac7978689ff0935760a50ca18fdcded57d1aaa4c1dbf871e79c5a2a913d")]
    [InlineData("0003-reference-history.sql", "74ba56b0818e23936f457cc6d00c53262c091f06f863d415fa1964bedac1ed7c")]
    [InlineData("0004-alert-lifecycle.sql", "92747e8720fddeb70e8d4371e59a873f484662d37fafd164887749781fb85a29")]
    [InlineData("0005-finding-facts.sql", "bf7e668b1dd8f4c93c60aa4d979f40b5c0f42b4fc5bd4914ac58a9a62f19f44e")]
    [InlineData("0006-targets.sql", "67d6fe983fdca2b8643480fc4f639dfd5b0a14a0b24d81b61d520b63e8cac55c")]
    [InlineData("0007-fx-rates.sql", "a0e36f0b2646840f7da3fd0bd2e698800cb078f06b0f7cf4afcfdce85db3d118")]
    [InlineData("0008-audit-log.sql", "19e2e0540982606e8e9588215c49c32ac2296f1fa704f5feac44ef15c1321a28")]
    [InlineData("0009-outbox.sql", "6e712a329065133c125030eedb7a0ad13d1109a066c644700a2426c7b84b79d7")]
    [InlineData("0010-rollups.sql", "3411630bda9350da5edb3c6ef6e2eb8f90f5bc17ee4cd67521aee22a867740e6")]
    [InlineData("0011-pending-references.sql", "3b059ce5b980a2ad53bb3eee56201873fb883848980bbd0b06c1436094d0f5e1")]
    [InlineData("0012-regions.sql", "f6a6440b49987b95ba9d8d63a7cc01bccb2a3eecb8e250a49bc5f4ff2e35d0ca")]
    [InlineData("0013-pending-reference-rows.sql", "748432466c10557e33c188f7876209c1a9197a39d51e01088c5bc2022f3b955e")]
    [InlineData("0014-site-names-zh.sql", "56fa9e75b52a8ead08e64f5252c0ee37409ae9e3b7d68916cb178dabed1d7918")]
    [InlineData("0015-duplicate-checks.sql", "d16773cab647815835f13c531d7b277530d5369325838b50609c992bf56ce6ab")]
    public void A_released_migration_script_is_never_edited(string script, string sha256)
    {
        // The hashes were taken when each version was released; a change to the schema is a new migration, not an edit.
        var text = Migrations.Script(script).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void A_version_2_store_migrates_its_reference_rows_to_rows_valid_from_the_start_of_time()
    {
        var path = Path.Combine(_dir, "v2.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            // A store released at version 2: migrations 1 and 2 as they were, with a market of its own added by hand.
            connection.Open();
            Migrations.Run(connection, "CREATE TABLE schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);");
            Migrations.Run(connection, Migrations.Script("0001-initial.sql"));
            Migrations.Run(connection, Migrations.Script("0002-monitor.sql"));
            Migrations.Run(connection, """
                INSERT INTO markets VALUES ('XA', 'Acmeland', NULL, 'ZZR', 'pt', 'Europe/Lisbon');
                INSERT INTO schema_migrations VALUES (1, 'event tables, load bookkeeping, quarantine, reference data', TIMESTAMP '2026-01-01 00:00:00');
                INSERT INTO schema_migrations VALUES (2, 'monitor runs, alerts with lifecycle and feedback, series rebaselines', TIMESTAMP '2026-02-01 00:00:00');
                """);
        }

        using var store = ModScopeStore.Open(path);

        Assert.Equal(15, store.SchemaVersion());
        var market = Assert.Single(StoredReference.Load(store).Markets);
        Assert.Equal(new Market("XA", "Acmeland", "", "ZZR", "pt", "Europe/Lisbon", new DateOnly(1970, 1, 1)), market);
    }

    [Fact]
    public void A_version_13_store_gains_site_names_in_chinese_for_its_shipped_sites_only()
    {
        var path = Path.Combine(_dir, "v13.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            // A store released at version 13 (sites without name_zh): migrations 1-13 as released, a site of its own loaded
            // from a file, and a shipped site the team renamed by hand (its seeded row no longer carries the shipped name).
            connection.Open();
            Migrations.Run(connection, "CREATE TABLE schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);");
            foreach (var migration in Migrations.All.Where(m => m.Version <= 13))
            {
                migration.Apply(connection);
                using var record = connection.CreateCommand();
                record.CommandText = "INSERT INTO schema_migrations VALUES ($v, $n, TIMESTAMP '2026-01-01 00:00:00')";
                record.Parameters.Add(new DuckDBParameter("v", migration.Version));
                record.Parameters.Add(new DuckDBParameter("n", migration.Name));
                record.ExecuteNonQuery();
            }
            Migrations.Run(connection, """
                INSERT INTO sites VALUES ('XKL-OWN', 'Kota Baru (Own)', 'Own', 'Kota Baru', 'MY', 'Asia/Kuala_Lumpur', 'MYR', DATE '2026-03-01', 7, 2);
                UPDATE sites SET name = 'Manila Hub' WHERE site_id = 'MNL-BRAVO';
                """);
        }

        using var store = ModScopeStore.Open(path);

        Assert.Equal(15, store.SchemaVersion());
        var reference = StoredReference.Load(store);
        var own = Assert.Single(reference.Sites, s => s.SiteId == "XKL-OWN");
        Assert.Equal(new Site("XKL-OWN", "Kota Baru (Own)", "", "Own", "Kota Baru", "MY", "Asia/Kuala_Lumpur", "MYR", new DateOnly(2026, 3, 1)), own);
        Assert.Equal("Kota Baru (Own)", PlaceNames.Name(reference, "site", "XKL-OWN", "zh-Hans"));
        Assert.Equal("吉隆坡（Alpha）", PlaceNames.Name(reference, "site", "KUL-ALPHA", "zh-Hans"));
        Assert.Equal("Kuala Lumpur (Alpha)", PlaceNames.Name(reference, "site", "KUL-ALPHA", "en"));
        Assert.Equal("", Assert.Single(reference.Sites, s => s.SiteId == "MNL-BRAVO").NameZh);
        Assert.Equal(12 + 1, reference.Sites.Count);
    }

    [Fact]
    public void A_migrated_store_has_every_column_of_the_reference_model()
    {
        AssertStoredColumns(ReferenceSchema.Loadable);
    }

    [Fact]
    public void A_migrated_store_has_every_column_of_the_event_model()
    {
        // Fails when the model gains a column no migration adds: write the migration that alters the tables.
        AssertStoredColumns(EventSchema.All);
    }

    /// <summary>A new store's tables have each model column in order, then the lineage columns file_id and line.</summary>
    private void AssertStoredColumns(IEnumerable<TableSchema> tables)
    {
        using var store = ModScopeStore.Open(Path.Combine(_dir, "new.duckdb"));
        using var connection = store.OpenConnection();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT column_name FROM information_schema.columns WHERE table_name = $t ORDER BY ordinal_position";
            command.Parameters.Add(new DuckDBParameter("t", table.Name));
            using var reader = command.ExecuteReader();
            var stored = new List<string>();
            while (reader.Read())
            {
                stored.Add(reader.GetString(0));
            }
            Assert.Equal([.. table.Columns.Select(c => c.Name), "file_id", "line"], stored);
        }
    }
}
