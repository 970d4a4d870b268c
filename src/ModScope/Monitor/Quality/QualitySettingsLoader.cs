using ModScope.Catalog;
using ModScope.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Reads <see cref="QualitySettings"/> from YAML (<c>catalog/monitors.yaml</c>). Every key is optional and falls back
/// to the default; unknown keys and bad values are all reported together, with file, line, field and near matches.
/// </summary>
public static class QualitySettingsLoader
{
    /// <summary>The shipped settings' resource and file name.</summary>
    public const string DefaultFile = "catalog/monitors.yaml";

    /// <summary>The settings shipped with ModScope (<c>catalog/monitors.yaml</c>, embedded in the library).</summary>
    public static QualitySettings LoadDefault()
    {
        return Parse(CatalogFiles.Shipped(DefaultFile, "settings"), DefaultFile);
    }

    /// <summary>Loads the settings at <paramref name="path"/>.</summary>
    /// <exception cref="CatalogException">The file cannot be read, or has problems (all of them are listed).</exception>
    public static QualitySettings Load(string path) => Parse(CatalogFiles.Read(path), path);

    /// <summary>Parses settings text; <paramref name="file"/> names it in messages. Empty text gives the defaults.</summary>
    /// <exception cref="CatalogException">Every problem found, each with file, line and field.</exception>
    public static QualitySettings Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new CatalogException([new CatalogIssue(file, (int)ex.Start.Line, "(syntax)", ex.Message)]);
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new QualitySettings();
        }

        var issues = new List<CatalogIssue>();
        var settings = new QualitySettings();
        if (new YamlReader(file, issues).Mapping(yaml.Documents[0].RootNode, "(root)") is { } root)
        {
            settings = SettingsParser.Read(new SettingsReader(new YamlReader(file, issues)), root);
        }
        if (issues.Count > 0)
        {
            throw new CatalogException(issues.OrderBy(i => i.Line).ThenBy(i => i.Field, StringComparer.Ordinal).ToList());
        }
        return settings;
    }
}
