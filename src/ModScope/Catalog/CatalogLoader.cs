using System.Globalization;
using ModScope.Common;
using ModScope.Sources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModScope.Catalog;

/// <summary>
/// Loads a catalogue file: parses it with line numbers, then validates it as a whole. Every problem is
/// collected (file, line, field, near matches) and reported together in one <see cref="CatalogException"/>.
/// </summary>
public static class CatalogLoader
{
    private static readonly string[] TopKeys = ["catalog", "version", "owner", "reporting_currency", "lists", "dimensions", "metrics", "roles", "rollup", "rollups", "targets"];

    /// <summary>The catalogue shipped with ModScope (<c>catalog/core-index.yaml</c>, embedded in the library).</summary>
    public static MetricCatalog LoadDefault()
    {
        return Parse(CatalogFiles.Shipped("catalog/core-index.yaml", "catalogue"), "catalog/core-index.yaml");
    }

    /// <summary>Loads and validates the catalogue at <paramref name="path"/>.</summary>
    /// <remarks>The extra columns of the source mapping beside it (<c>sources.yaml</c> in the same folder), if there is
    /// one, are columns its dimensions and measures may read.</remarks>
    public static MetricCatalog Load(string path)
    {
        var sources = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "sources.yaml");
        return Parse(CatalogFiles.Read(path), path, File.Exists(sources) ? SourceMappingParser.Load(sources) : SourceMapping.None);
    }

    /// <summary>Parses and validates catalogue text; <paramref name="file"/> names it in messages.</summary>
    public static MetricCatalog Parse(string text, string file) => Parse(text, file, SourceMapping.None);

    /// <summary>Parses and validates catalogue text whose dimensions and measures may read <paramref name="mapping"/>'s extra columns.</summary>
    public static MetricCatalog Parse(string text, string file, SourceMapping mapping)
    {
        var issues = new List<CatalogIssue>();
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new CatalogException([new CatalogIssue(file, (int)ex.Start.Line, "(syntax)", ex.Message)]);
        }
        var reader = new YamlReader(file, issues);
        var root = yaml.Documents.Count == 0 ? null : reader.Mapping(yaml.Documents[0].RootNode, "(root)");
        if (root is null)
        {
            throw new CatalogException(issues.Count > 0 ? issues : [new CatalogIssue(file, 1, "(root)", "the file is empty")]);
        }
        reader.OnlyKeys(root, "(root)", TopKeys);
        var version = (int)(reader.Number(root, "version", "(root)") ?? 0);
        var owner = reader.Text(root, "owner", "(root)") ?? "";
        var currency = ReportingCurrency.Read(reader, root);

        var dimensions = Sequence(reader, root, "dimensions").Select(n => DefinitionParser.Dimension(reader, n)).OfType<DimensionDefinition>().ToList();
        var metrics = Sequence(reader, root, "metrics").Select(n => DefinitionParser.Metric(reader, n, owner)).OfType<MetricDefinition>()
            .Select(m => ReportingCurrency.Name(m, currency)).ToList();

        var rollups = RollupParser.Parse(reader, root, dimensions);
        var roles = RoleParser.Parse(reader, root, metrics.Select(m => m.Id).ToList());
        var targets = TargetParser.Parse(reader, root, metrics.Select(m => m.Id).ToList());
        metrics = metrics.Select(m => m with { CatalogTargets = targets.Where(t => t.Metric == m.Id).ToList() }).ToList();
        var validated = CatalogValidator.Validate(file, metrics, dimensions, issues, mapping);
        if (issues.Count > 0)
        {
            throw new CatalogException(issues.OrderBy(i => i.Line).ThenBy(i => i.Field, StringComparer.Ordinal).ToList());
        }
        return new MetricCatalog(file, version, owner, validated, dimensions, roles!)
        {
            ReportingCurrency = currency,
            Rollups = rollups,
            PersonColumns = mapping.PersonColumns,
        };
    }

    private static IEnumerable<YamlNode> Sequence(YamlReader reader, YamlMappingNode root, string key)
    {
        var node = reader.Child(root, key);
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children;
        }
        reader.Problem(node ?? root, key, node is null ? "is required" : "expected a list");
        return [];
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
