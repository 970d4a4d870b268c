using System.Diagnostics;
using System.Globalization;
using ModScope.Ingest;
using ModScope.Monitor.Alerts;
using ModScope.Store;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Store;

/// <summary>
/// A full disk, a damaged file and a run that died: each gets a clear answer, and the store stays as it was and
/// usable (the space a failed load took is given back; a damaged store takes no more writes until it passes check).
/// </summary>
public sealed class StoreFailureTests : IDisposable
{
    private readonly TempStore _scratch = new();

    public void Dispose() => _scratch.Dispose();

    /// <summary>Decisions with unique, hard-to-compress ids, so the store grows with them.</summary>
    private string Decisions(string name, int from, int count)
    {
        var random = new Random(from);
        return WriteCsv(_scratch.File(name), Header, Enumerable.Range(from, count).Select(i =>
            Valid(i).Replace($",L{i},", string.Create(CultureInfo.InvariantCulture, $",L{random.NextInt64():x}{random.NextInt64():x},"), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_load_that_fills_the_disk_says_where_and_gives_the_space_back()
    {
        // A 12 MiB tmpfs is a disk that fills; mounting one needs root (CI runs as root).
        var mount = Directory.CreateTempSubdirectory("modscope-full-").FullName;
        using (var mounting = Process.Start("mount", ["-t", "tmpfs", "-o", "size=12M", "tmpfs", mount]))
        {
            await mounting.WaitForExitAsync();
            Assert.True(mounting.ExitCode == 0, "mounting a tmpfs needs root; run the tests as root (CI does)");
        }
        try
        {
            var path = Path.Combine(mount, "store.duckdb");
            var first = Decisions("decisions-a.csv", 1, 20_000);
            var huge = Decisions("decisions-b.csv", 100_000, 400_000);
            long lengthBefore;
            using (var store = ModScopeStore.Open(path))
            {
                await new Ingestor(store).IngestAsync([first], new IngestOptions());
            }
            lengthBefore = new FileInfo(path).Length;

            DiskFullException error;
            using (var store = ModScopeStore.Open(path))
            {
                error = await Assert.ThrowsAsync<DiskFullException>(() => new Ingestor(store).IngestAsync([huge], new IngestOptions()));
            }
            Assert.StartsWith($"disk full at {mount}", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("decisions-b.csv", error.Message, StringComparison.Ordinal);

            StoreSpace.Reclaim(path);
            Assert.Equal(lengthBefore, new FileInfo(path).Length);
            using (var store = ModScopeStore.Open(path))
            {
                // The store is as it was, and the next (smaller) load runs.
                Assert.Equal(20_000, Count(store, "SELECT count(*) FROM decisions"));
                var next = await new Ingestor(store).IngestAsync([Decisions("decisions-c.csv", 500_000, 1_000)], new IngestOptions());
                Assert.Equal(1_000, next.RowsLoaded);
            }
            Assert.True(StoreCheck.Run(path).Sound);
        }
        finally
        {
            using var unmounting = Process.Start("umount", [mount]);
            await unmounting.WaitForExitAsync();
            Directory.Delete(mount);
        }
    }

    [Fact]
    public async Task A_damaged_store_is_named_so_takes_no_more_writes_and_fails_check()
    {
        var path = _scratch.File("damaged.duckdb");
        using (var store = ModScopeStore.Open(path))
        {
            await new Ingestor(store).IngestAsync([Decisions("decisions-a.csv", 1, 30_000)], new IngestOptions());
        }
        Assert.True(StoreCheck.Run(path).Sound);
        Damage(path);

        var error = await Assert.ThrowsAsync<StoreDamagedException>(async () =>
        {
            using var store = ModScopeStore.Open(path);
            await new Ingestor(store).IngestAsync([Decisions("decisions-b.csv", 50_000, 10)], new IngestOptions());
        });

        Assert.StartsWith($"store is damaged: run modscope check --store {path}", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(DamageMark.PathOf(path)));
        // Marked: every later open is refused, so nothing more is written into the file.
        Assert.Throws<StoreDamagedException>(() => ModScopeStore.Open(path).Dispose());
        var check = StoreCheck.Run(path);
        Assert.False(check.Sound);
        Assert.Contains(check.Problems, p => p.Kind is StoreCheckKind.Checksum or StoreCheckKind.Unreadable && p.Detail is { } detail
            && (detail.Contains("checksum", StringComparison.OrdinalIgnoreCase) || detail.Contains("Corrupt", StringComparison.OrdinalIgnoreCase)));
        Assert.True(File.Exists(DamageMark.PathOf(path)));
    }

    [Fact]
    public async Task Check_finds_orphan_rows_and_counts_that_do_not_add_up()
    {
        var path = _scratch.File("orphans.duckdb");
        using (var store = ModScopeStore.Open(path))
        {
            await new Ingestor(store).IngestAsync([Decisions("decisions-a.csv", 1, 10)], new IngestOptions());
            Execute(store, "INSERT INTO appeals SELECT 'AP1', 'D999', TIMESTAMP '2026-08-25 10:00:00', NULL, NULL, 1, 2");
            Execute(store, "UPDATE files SET rows_read = rows_read + 1");
        }

        var check = StoreCheck.Run(path);

        // One appeal (AP1) names decision D999, which is not stored; the one file read one row more than it loaded + quarantined.
        Assert.Equal(
            [
                new StoreCheckItem(StoreCheckKind.RowsWithoutDecision, false, "appeals", "decision_id", 1, Examples: ["AP1"]),
                new StoreCheckItem(StoreCheckKind.FileCountsDisagree, false, "files", Count: 1, Examples: ["decisions-a.csv"]),
            ],
            check.Problems);
        Assert.Contains(new StoreCheckItem(StoreCheckKind.SchemaVersion, true, "schema_migrations", Count: Migrations.Latest, Expected: Migrations.Latest), check.Checked);
    }

    [Fact]
    public void A_monitor_run_that_died_is_marked_failed_when_the_next_starts()
    {
        var alerts = new AlertStore(_scratch.Store);
        var died = alerts.StartRun(new DateOnly(2026, 9, 1));

        var next = alerts.StartRun(new DateOnly(2026, 9, 2));

        var runs = _scratch.Rows("SELECT run_id, status, error, finished_at IS NOT NULL FROM monitor_runs ORDER BY run_id");
        Assert.Equal([died, "failed"], runs[0][..2]);
        Assert.Contains("stopped before it finished", (string)runs[0][2]!, StringComparison.Ordinal);
        Assert.Equal(true, runs[0][3]);
        Assert.Equal([next, "running"], runs[1][..2]);
    }

    /// <summary>Flips bytes inside every data block after the first, as a failing disk would.</summary>
    private static void Damage(string path)
    {
        var bytes = File.ReadAllBytes(path);
        for (var block = 12_288 + 262_144; block + 4_200 < bytes.Length; block += 262_144)
        {
            for (var i = block + 4_000; i < block + 4_100; i++)
            {
                bytes[i] ^= 0x5A;
            }
        }
        File.WriteAllBytes(path, bytes);
    }

    private static long Count(ModScopeStore store, string sql)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(ModScopeStore store, string sql)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
