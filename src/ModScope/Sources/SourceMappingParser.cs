using ModScope.Common;
using ModScope.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModScope.Sources;

/// <summary>
/// Reads a source mapping (YAML: one key per table, each with <c>columns</c>, <c>values</c>, <c>timestamp</c> and
/// <c>extra</c>), collecting every problem with its line and field before it fails.
/// </summary>
public static class SourceMappingParser
{
    private static readonly string[] TableKeys = ["columns", "values", "timestamp", "extra"];

    /// <summary>Loads and validates the mapping at <paramref name="path"/>.</summary>
    /// <exception cref="SourceMappingException">The file cannot be read, or holds problems (all of them listed).</exception>
    public static SourceMapping Load(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourceMappingException($"{path}: the source mapping cannot be read ({ex.Message}).", ex);
        }
        return Parse(text, path);
    }

    /// <summary>The mapping at <paramref name="path"/>, else <c>catalog/sources.yaml</c> when it exists, else none.</summary>
    public static SourceMapping LoadOrDefault(string? path) =>
        path is not null ? Load(path)
        : System.IO.File.Exists(SourceMapping.DefaultPath) ? Load(SourceMapping.DefaultPath)
        : SourceMapping.None;

    /// <summary>Parses and validates mapping text; <paramref name="file"/> names it in messages.</summary>
    public static SourceMapping Parse(string text, string file)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SourceMappingException([new CatalogIssue(file, (int)ex.Start.Line, "(syntax)", ex.Message)]);
        }
        var issues = new List<CatalogIssue>();
        var reader = new YamlReader(file, issues);
        var tables = new Dictionary<string, TableMapping>(StringComparer.Ordinal);
        var root = yaml.Documents.Count == 0 ? null : reader.Mapping(yaml.Documents[0].RootNode, "(root)");
        foreach (var (key, node) in root?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var table = Model.Tables.Find(name);
            if (table is null)
            {
                reader.Problem(key, name, $"unknown table '{name}'{NearMatch.Suggest(name, Model.Tables.All.Select(t => t.Name))}");
                continue;
            }
            if (reader.Mapping(node, table.Name) is { } body)
            {
                reader.OnlyKeys(body, table.Name, TableKeys);
                tables[table.Name] = new TableMappingParser(reader, table, body).Parse();
            }
        }
        if (issues.Count > 0)
        {
            throw new SourceMappingException(issues.OrderBy(i => i.Line).ThenBy(i => i.Field, StringComparer.Ordinal).ToList());
        }
        return new SourceMapping(file, tables);
    }
}
