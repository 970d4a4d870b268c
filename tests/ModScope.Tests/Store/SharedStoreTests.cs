using DuckDB.NET.Data;
using ModScope.Store;

namespace ModScope.Tests.Store;

/// <summary>
/// A shared store (the running server's) is read-only between writes and read-write only inside <c>WriteAsync</c>; a
/// read-only store refuses writes. (Several processes at once are tested with real processes in ModScope.Cli.Tests.)
/// </summary>
public sealed class SharedStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-shared-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_shared_store_writes_inside_WriteAsync_and_is_read_only_between_writes()
    {
        var path = Path.Combine(_dir, "s.duckdb");
        using var store = ModScopeStore.OpenShared(path);

        Assert.Equal(Migrations.Latest, store.SchemaVersion());
        var refused = Assert.ThrowsAny<DuckDBException>(() => Execute(store, "CREATE TABLE t (x INTEGER)"));
        Assert.Contains("read-only", refused.Message, StringComparison.OrdinalIgnoreCase);

        await store.WriteAsync(_ =>
        {
            Execute(store, "CREATE TABLE t (x INTEGER)");
            Execute(store, "INSERT INTO t VALUES (41), (1)");
            return Task.CompletedTask;
        });

        Assert.Equal(42L, Scalar(store, "SELECT sum(x)::BIGINT FROM t"));
        Assert.ThrowsAny<DuckDBException>(() => Execute(store, "INSERT INTO t VALUES (1)"));
    }

    [Fact]
    public async Task A_write_waits_for_the_connections_in_use_and_readers_wait_for_the_write()
    {
        var path = Path.Combine(_dir, "w.duckdb");
        using var store = ModScopeStore.OpenShared(path);
        await store.WriteAsync(_ => { Execute(store, "CREATE TABLE t (x INTEGER)"); return Task.CompletedTask; });
        var reader = store.OpenConnection();

        var write = store.WriteAsync(_ => { Execute(store, "INSERT INTO t VALUES (7)"); return Task.CompletedTask; });
        await Task.Delay(200);
        Assert.False(write.IsCompleted); // the open reader holds the read-only instance
        reader.Dispose();
        await write.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(7L, Scalar(store, "SELECT sum(x)::BIGINT FROM t"));
    }

    [Fact]
    public async Task A_read_only_store_refuses_to_write_and_a_missing_one_is_not_created()
    {
        var path = Path.Combine(_dir, "r.duckdb");
        ModScopeStore.Open(path).Dispose();
        using var store = ModScopeStore.OpenReadOnly(path);

        Assert.False(store.CanWrite);
        await Assert.ThrowsAsync<StoreException>(() => store.WriteAsync(_ => Task.CompletedTask));
        var missing = Path.Combine(_dir, "missing.duckdb");
        var error = Assert.Throws<StoreException>(() => ModScopeStore.OpenReadOnly(missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    private static void Execute(ModScopeStore store, string sql)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(ModScopeStore store, string sql)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
