using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Query.Rollups;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.Bench;

/// <summary>
/// The dashboard and monitor benches' store: 90 days of the generator's data (seed 7) loaded by the ingest with the
/// catalogue's rollup, written once and reused when the file exists (<c>--store FILE</c>), so runs are repeatable.
/// With <c>--copies K</c> (for 50M decisions, which the generator and ingest would take hours to make on a shared
/// machine) the generator makes 1/K of the decisions and each generated decision is then stored K times under distinct
/// ids (<c>D…-1</c> … <c>D…-(K-1)</c> beside the original, same values and times) by one INSERT … SELECT; QA audits,
/// appeals and staffing stay as generated. The rollup is then rebuilt from every row by the next maintained load (the
/// last staffing file, held back for it), as a load rebuilds it after rows came in without maintenance.
/// </summary>
internal static class BenchStore
{
    public const int Days = 90;

    public static async Task CreateAsync(string storePath, long decisions, string scratch, int copies = 1)
    {
        var perDay = (int)Math.Max(100, decisions / copies / Days);
        Console.WriteLine($"Generating {Days} days x {perDay:N0} decisions/day{(copies > 1 ? $" (each stored {copies} times)" : "")} and loading them into {storePath} ...");
        var data = Path.Combine(scratch, "data");
        var watch = Stopwatch.StartNew();
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days, perDay, 7));
        Console.WriteLine($"Generated {Folder.Megabytes(data):N0} MB of files in {watch.Elapsed.TotalSeconds:F0} s; free on their disk: {Folder.FreeGigabytes(data):N1} GB; load average {LoadAverage.Now()}");
        var later = Path.Combine(scratch, "later");
        if (copies > 1)
        {
            Directory.CreateDirectory(later);
            var last = Directory.GetFiles(data, "staffing-*").Order(StringComparer.Ordinal).Last();
            File.Move(last, Path.Combine(later, Path.GetFileName(last)));
        }
        await LoadAsync(storePath, data);
        Directory.Delete(data, recursive: true);
        if (copies > 1)
        {
            Copy(storePath, copies);
            await LoadAsync(storePath, later);
            Directory.Delete(later, recursive: true);
        }
    }

    private static async Task LoadAsync(string storePath, string folder)
    {
        var watch = Stopwatch.StartNew();
        var maintainer = new RollupMaintainer(CatalogLoader.LoadDefault());
        using (var loading = ModScopeStore.Open(storePath))
        {
            await new Ingestor(loading) { Maintenance = maintainer }.IngestAsync([folder], new IngestOptions());
        }
        var upkeep = maintainer.LastUpkeep is { } u ? string.Create(CultureInfo.InvariantCulture, $"{u.Wall.TotalSeconds:F1} s wall, {u.Cpu.TotalSeconds:F1} s CPU") : "none";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded {Path.GetFileName(folder)} in {watch.Elapsed.TotalSeconds:F0} s (the rollup's upkeep: {upkeep}); store {Folder.Megabytes(storePath):N0} MB; load average {LoadAverage.Now()}"));
    }

    /// <summary>
    /// A kept store made before the catalogue's rollups changed (or behind a load made without them) has each stale rollup
    /// rebuilt from every row (<see cref="RollupMaintainer.BringUpToDate"/>), so the door reads it rather than raw; a current
    /// one is left. Prints the rebuild's time, or that all were current.
    /// </summary>
    public static void BringUpToDate(string storePath)
    {
        var maintainer = new RollupMaintainer(CatalogLoader.LoadDefault());
        var before = LoadAverage.Now();
        using var store = ModScopeStore.Open(storePath);
        if (maintainer.BringUpToDate(store) && maintainer.LastUpkeep is { } u)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"The store's rollups were not all this catalogue's (missing, of another layout, or behind a load): those rebuilt from every row in {u.Wall.TotalSeconds:F1} s wall, {u.Cpu.TotalSeconds:F1} s CPU; store {Folder.Megabytes(storePath):N0} MB; load average {before} → {LoadAverage.Now()}"));
        }
        else
        {
            Console.WriteLine("The store's rollups are current: nothing rebuilt.");
        }
    }

    /// <summary>Each decision K-1 more times under distinct ids; the rollup's state is dropped so the next load rebuilds it.</summary>
    private static void Copy(string storePath, int copies)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection($"Data Source={storePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            BEGIN TRANSACTION;
            INSERT INTO decisions
              SELECT * EXCLUDE (k) REPLACE (decision_id || '-' || CAST(k AS VARCHAR) AS decision_id)
              FROM decisions, range(1, {copies.ToString(CultureInfo.InvariantCulture)}) c(k);
            DELETE FROM rollups;
            COMMIT;
            """;
        command.ExecuteNonQuery();
        command.CommandText = "SELECT count(*) FROM decisions";
        var rows = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Stored each decision {copies} times: {rows:N0} decisions, in {watch.Elapsed.TotalSeconds:F0} s; load average {LoadAverage.Now()}"));
    }
}
