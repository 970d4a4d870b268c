using ModScope.Catalog;

namespace ModScope.Bench;

/// <summary>
/// The shipped catalogue written to a file, whole or without its <c>rollups:</c> block: without it the door reads every
/// request from the raw rows ("the catalogue has no rollup"), the raw side of the dashboard and monitor benches on the
/// same store and code. Both copies sit in a folder with no <c>sources.yaml</c>, as the shipped one has none.
/// </summary>
internal static class ShippedCatalog
{
    private const string Name = "catalog/core-index.yaml";

    /// <summary>Writes the catalogue (with or without its rollups) into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder, bool rollup)
    {
        using var stream = typeof(CatalogLoader).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"bench: the shipped catalogue {Name} is not embedded in this build of ModScope.");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        var kept = new List<string>(lines.Length);
        var inRollup = false;
        foreach (var line in lines)
        {
            // A top-level key starts at column 0; the rollup block is its key line and the indented or blank lines after it.
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && !line.StartsWith('#'))
            {
                inRollup = !rollup && (line.StartsWith("rollups:", StringComparison.Ordinal) || line.StartsWith("rollup:", StringComparison.Ordinal));
            }
            if (!inRollup)
            {
                kept.Add(line);
            }
        }
        var path = Path.Combine(folder, rollup ? "core-index.yaml" : "core-index-no-rollup.yaml");
        File.WriteAllText(path, string.Join('\n', kept));
        var shipped = CatalogLoader.LoadDefault();
        var written = CatalogLoader.Load(path);
        if (shipped.Rollups.Count == 0 || (written.Rollups.Count == 0) == rollup || written.Metrics.Count != shipped.Metrics.Count || written.Dimensions.Count != shipped.Dimensions.Count)
        {
            throw new InvalidOperationException($"bench: {path}: the shipped {Name} {(rollup ? "with" : "without")} its rollups block should keep its {shipped.Metrics.Count} metrics " +
                $"and {shipped.Dimensions.Count} dimensions; it has {written.Metrics.Count}, {written.Dimensions.Count}, rollups {(written.Rollups.Count == 0 ? "none" : string.Join(", ", written.Rollups.Select(r => r.Name)))}.");
        }
        return path;
    }
}
