using ModScope.Ingest;
using ModScope.Sources;
using ModScope.Store;

namespace ModScope.Web.Tests;

/// <summary>
/// A dashboard's files for a team's own data: Bazaarly's export (tests/data/bazaar) loaded through its mapping into a
/// store, and the shipped core index with the additions' dimensions (seller_tier) and metrics, sources.yaml beside it.
/// </summary>
public static class BazaarDashboard
{
    /// <summary>Writes the store and catalogue into <paramref name="folder"/>: the dashboard's options.</summary>
    public static async Task<DashboardOptions> PrepareAsync(string folder, string? analystToken = null)
    {
        var store = Path.Combine(folder, "bazaar.duckdb");
        using (var s = ModScopeStore.Open(store))
        {
            var loaded = await new Ingestor(s).IngestAsync([Bazaar("reference"), Bazaar("export")], new IngestOptions(Mapping: SourceMappingParser.Load(Bazaar("sources.yaml"))));
            Assert.Equal(0, loaded.RowsQuarantined);
        }
        File.WriteAllText(Path.Combine(folder, "core-index.yaml"), CatalogText());
        File.Copy(Bazaar("sources.yaml"), Path.Combine(folder, "sources.yaml"));
        return new DashboardOptions(store, Path.Combine(folder, "core-index.yaml"), AnalystToken: analystToken);
    }

    private static string Bazaar(params string[] parts) => Path.Combine([Repo(), "tests", "data", "bazaar", .. parts]);

    /// <summary>The repository's root, found by walking up to ModScope.slnx.</summary>
    internal static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModScope.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("ModScope.slnx not found above the test's folder");
    }

    /// <summary>The shipped core index with the additions' dimensions and metrics put in its own lists.</summary>
    private static string CatalogText()
    {
        var shipped = File.ReadAllText(Path.Combine(Repo(), "catalog", "core-index.yaml"));
        var additions = File.ReadAllText(Bazaar("catalog-additions.yaml"));
        var metricsAt = additions.IndexOf("\nmetrics:\n", StringComparison.Ordinal);
        var dimensions = additions[(additions.IndexOf("\ndimensions:\n", StringComparison.Ordinal) + "\ndimensions:\n".Length)..(metricsAt + 1)];
        return shipped.Replace("\ndimensions:\n", "\ndimensions:\n" + dimensions, StringComparison.Ordinal)
            .Replace("\nmetrics:\n", "\nmetrics:\n" + additions[(metricsAt + "\nmetrics:\n".Length)..] + "\n", StringComparison.Ordinal);
    }
}
