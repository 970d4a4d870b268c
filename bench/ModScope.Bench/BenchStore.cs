using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Query.Rollups;
using ModScope.Store;
using ModScope.Synthetic;

namespace ModScope.Bench;

/// <summary>
/// The dashboard and monitor benches' store: 90 days of the generator's data (seed 7) loaded by the ingest with the
/// catalogue's rollup, written once and reused when the file exists (<c>--store FILE</c>), so runs are repeatable.
/// </summary>
internal static class BenchStore
{
    public const int Days = 90;

    public static async Task CreateAsync(string storePath, long decisions, string scratch)
    {
        var perDay = (int)Math.Max(100, decisions / Days);
        Console.WriteLine($"Generating {Days} days x {perDay:N0} decisions/day and loading them into {storePath} ...");
        var data = Path.Combine(scratch, "data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days, perDay, 7));
        Console.WriteLine($"Generated {Folder.Megabytes(data):N0} MB of files; free on their disk: {Folder.FreeGigabytes(data):N1} GB");
        using (var loading = ModScopeStore.Open(storePath))
        {
            await new Ingestor(loading) { Maintenance = new RollupMaintainer(CatalogLoader.LoadDefault()) }.IngestAsync([data], new IngestOptions());
        }
        Directory.Delete(data, recursive: true);
    }
}
