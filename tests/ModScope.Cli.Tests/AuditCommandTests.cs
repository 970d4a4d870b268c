using ModScope.Auditing;
using ModScope.Store;

namespace ModScope.Cli.Tests;

/// <summary><c>modscope audit</c> lists the store's audit rows newest first, filtered by user and action; a bad day is refused naming the option.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Lists_a_users_exports_newest_first_and_prunes_only_rows_past_the_retention()
    {
        var path = Path.Combine(_dir, "store.duckdb");
        int pruned;
        using (var store = ModScopeStore.Open(path))
        {
            var log = new AuditLog(store);
            log.Append([
                new AuditEntry(new DateTime(2026, 11, 1, 9, 0, 0), "sea", "viewer", "view", "GET", "/api/overview", 200),
                new AuditEntry(new DateTime(2026, 11, 2, 9, 0, 0), "kim", "analyst", "export", "GET", "/api/export.csv?metric=decision_volume", 200),
                new AuditEntry(new DateTime(2026, 11, 3, 9, 0, 0), "kim", "analyst", "export", "GET", "/api/report?format=md", 200),
                new AuditEntry(new DateTime(2025, 1, 1, 9, 0, 0), "kim", "analyst", "export", "GET", "/api/export.xlsx", 200),
            ]);
            pruned = log.Prune(TimeSpan.FromDays(365), new DateTime(2026, 12, 1));
        }

        var (exit, output, error) = await CliRunner.Run("audit", "--store", path, "--user", "kim", "--action", "export");
        var (badExit, _, badError) = await CliRunner.Run("audit", "--store", path, "--since", "yesterday");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal(1, pruned);
        Assert.Contains("2 row(s), newest first.", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("2026-11-03", StringComparison.Ordinal) < output.IndexOf("2026-11-02", StringComparison.Ordinal), output);
        Assert.DoesNotContain("/api/overview", output, StringComparison.Ordinal);
        Assert.NotEqual(ExitCodes.Ok, badExit);
        Assert.Contains("--since", badError, StringComparison.Ordinal);
    }
}
