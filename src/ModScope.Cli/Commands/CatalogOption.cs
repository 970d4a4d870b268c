using System.CommandLine;
using ModScope.Catalog;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>--catalog FILE</c>: the catalogue to use. Default: <c>catalog/core-index.yaml</c> in the current folder when
/// present (so a new metric is a YAML edit, no rebuild), else the catalogue shipped in the build.
/// </summary>
internal static class CatalogOption
{
    public const string LocalPath = "catalog/core-index.yaml";

    public static Option<string?> Create() => new("--catalog")
    {
        Description = $"Catalogue YAML (default: ./{LocalPath} if present, else the shipped one).",
    };

    public static MetricCatalog Load(string? path) =>
        path is not null ? CatalogLoader.Load(path)
        : File.Exists(LocalPath) ? CatalogLoader.Load(LocalPath)
        : CatalogLoader.LoadDefault();
}
