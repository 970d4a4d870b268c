using ModScope.Monitor.Alerts;
using ModScope.Store;

namespace ModScope.Cli.Tests;

/// <summary><c>modscope alerts</c> shows each alert's owner from the <c>owners</c> of <c>modscope.yaml</c> beside the store.</summary>
public sealed class AlertOwnersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-owners-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_alert_of_an_owned_metric_and_segment_shows_its_owner()
    {
        var path = Path.Combine(_dir, "modscope.duckdb");
        var day = new DateOnly(2026, 11, 20);
        using (var store = ModScopeStore.Open(path))
        {
            var alerts = new AlertStore(store);
            alerts.Raise(new AlertFinding(AlertKind.Metric, "qa_accuracy", "market=ID;region=SEA", day, day, AlertSeverity.Critical, -1, 4, "band", "QA accuracy fell in Indonesia."));
            alerts.Raise(new AlertFinding(AlertKind.Metric, "qa_accuracy", "market=GB", day, day, AlertSeverity.Warning, -1, 3, "band", "QA accuracy fell in Britain."));
        }
        await File.WriteAllTextAsync(Path.Combine(_dir, "modscope.yaml"), """
            channels:
              hook: {type: webhook, url: "http://127.0.0.1:9/hook"}
            owners:
              - {owner: sea-quality-team, metrics: [qa_accuracy], segments: ["region=SEA"], channel: hook}
            """);

        var (exit, output, error) = await CliRunner.Run("alerts", "--store", path);

        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n');
        Assert.Contains("Owner", lines.First(l => l.Contains("Severity", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("sea-quality-team", lines.Single(l => l.Contains("Indonesia", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain("sea-quality-team", lines.Single(l => l.Contains("Britain", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
