using ModScope.Catalog;
using ModScope.Sources;
using ModScope.Tests.Support;

namespace ModScope.Tests.Sources;

/// <summary>
/// The hand-written export of a fictitious marketplace under <c>tests/data/bazaar</c>: its mapping, its reference and
/// export folders, and the shipped core index with the marketplace's additions (<c>catalog-additions.yaml</c>).
/// </summary>
public static class BazaarData
{
    public static string Folder { get; } = RepoPaths.Combine("tests", "data", "bazaar");

    public static string MappingFile => Path.Combine(Folder, "sources.yaml");

    public static IReadOnlyList<string> Inputs => [Path.Combine(Folder, "reference"), Path.Combine(Folder, "export")];

    public static SourceMapping Mapping() => SourceMappingParser.Load(MappingFile);

    /// <summary>The shipped core index with the additions' dimensions and metrics appended to its own lists.</summary>
    public static string CatalogText()
    {
        var shipped = File.ReadAllText(RepoPaths.Combine("catalog", "core-index.yaml"));
        var additions = File.ReadAllText(Path.Combine(Folder, "catalog-additions.yaml"));
        var metricsAt = additions.IndexOf("\nmetrics:\n", StringComparison.Ordinal);
        var dimensions = additions[(additions.IndexOf("\ndimensions:\n", StringComparison.Ordinal) + "\ndimensions:\n".Length)..(metricsAt + 1)];
        var metrics = additions[(metricsAt + "\nmetrics:\n".Length)..];
        return shipped.Replace("\ndimensions:\n", "\ndimensions:\n" + dimensions, StringComparison.Ordinal)
            .Replace("\nmetrics:\n", "\nmetrics:\n" + metrics + "\n", StringComparison.Ordinal);
    }

    public static MetricCatalog Catalog() => CatalogLoader.Parse(CatalogText(), "bazaar core-index.yaml", Mapping());
}
