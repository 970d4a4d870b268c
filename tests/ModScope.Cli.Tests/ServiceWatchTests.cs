using System.Diagnostics;
using System.Globalization;
using ModScope.Store;

namespace ModScope.Cli.Tests;

/// <summary>
/// <c>serve</c> with <c>modscope.yaml</c> beside its store: a day of decisions dropped into the landing folder is loaded
/// once its size holds, moved to <c>loaded/</c>, and the monitor runs after the load; a file ingest cannot place goes to
/// <c>rejected/</c> with the reason beside it. Reads here wait out the server's writes (a monitor run holds the file the while).
/// </summary>
public sealed class ServiceWatchTests(ServedStoreFixture fixture) : IClassFixture<ServedStoreFixture>
{
    [Fact]
    public async Task A_landed_day_is_loaded_moved_and_monitored_and_an_unplaceable_file_is_rejected()
    {
        var landing = Path.Combine(fixture.Folder, "landing");
        await File.WriteAllTextAsync(Path.Combine(fixture.Folder, "modscope.yaml"),
            "watch:\n  folder: landing\n  ready: stable_size\n  stable_seconds: 1\n  monitor_days: 3\n");
        var before = Scalar("SELECT count(*) FROM decisions");
        var runs = Scalar("SELECT count(*) FROM monitor_runs");
        await using var server = await ServedProcess.StartAsync(fixture.Store);

        Directory.CreateDirectory(landing);
        File.Copy(fixture.LastDay, Path.Combine(landing, Path.GetFileName(fixture.LastDay)));
        var loaded = Path.Combine(landing, "loaded", Path.GetFileName(fixture.LastDay));
        await WaitForAsync(() => File.Exists(loaded));
        await WaitForAsync(() => Scalar("SELECT count(*) FROM monitor_runs") == runs + 1);
        await File.WriteAllTextAsync(Path.Combine(landing, "mystery.csv"), "a,b\n1,2\n");
        var rejected = Path.Combine(landing, "rejected", "mystery.csv");
        await WaitForAsync(() => File.Exists(rejected + ".error.txt"));

        var lines = File.ReadLines(loaded).Count() - 1;
        var quarantined = Scalar("SELECT count(*) FROM quarantine q JOIN files f USING (file_id) WHERE f.name = 'decisions-2026-09-06.csv'");
        Assert.Equal(before + lines - quarantined, Scalar("SELECT count(*) FROM decisions"));
        Assert.Equal("ok", Text($"SELECT status FROM monitor_runs WHERE run_id = {runs + 1}"));
        Assert.Contains("mystery.csv", await File.ReadAllTextAsync(rejected + ".error.txt"), StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var wait = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(wait.Elapsed < TimeSpan.FromSeconds(150), "the service did not get there in 150 s");
            await Task.Delay(250);
        }
    }

    private long Scalar(string sql) => Convert.ToInt64(Text(sql), CultureInfo.InvariantCulture);

    private string? Text(string sql)
    {
        using var store = ModScopeStore.OpenReadOnly(fixture.Store, TimeSpan.FromSeconds(120));
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
