using ModScope.Monitor.Alerts;
using ModScope.Store;

namespace ModScope.Cli.Tests;

/// <summary>
/// Two generated weeks (24 Aug – 6 Sep 2026, 300 decisions a day) with the last day's decisions left out of the store,
/// for a command to load while <c>serve</c> holds it, and one alert.
/// </summary>
public sealed class ServedStoreFixture : IDisposable
{
    public ServedStoreFixture()
    {
        Folder = Directory.CreateTempSubdirectory("modscope-served-").FullName;
        var data = Path.Combine(Folder, "data");
        Store = Path.Combine(Folder, "s.duckdb");
        var (generated, _, generateError) = CliRunner.Run("generate", "--out", data, "--days", "14", "--decisions-per-day", "300").GetAwaiter().GetResult();
        Assert.True(generated == ExitCodes.Ok, generateError);
        var later = Path.Combine(Folder, "later");
        Directory.CreateDirectory(later);
        LastDay = Path.Combine(later, "decisions-2026-09-06.csv");
        File.Move(Path.Combine(data, "decisions-2026-09-06.csv"), LastDay);
        var (ingested, _, ingestError) = CliRunner.Run("ingest", data, "--store", Store).GetAwaiter().GetResult();
        Assert.True(ingested == ExitCodes.Ok, ingestError);
        // Two weeks raise no alert of their own: one to acknowledge.
        using var store = ModScopeStore.Open(Store);
        var alerts = new AlertStore(store);
        var day = new DateOnly(2026, 9, 1);
        alerts.Upsert([new AlertFinding(AlertKind.Metric, "sla_attainment", "market=ID", day, day, AlertSeverity.Warning, -1, 3.5, "level", "seeded")],
            alerts.StartRun(day), day, day);
    }

    public string Folder { get; }
    public string Store { get; }

    /// <summary>The decisions of 6 Sep, not in the store.</summary>
    public string LastDay { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
