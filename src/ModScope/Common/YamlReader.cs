using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace ModScope.Common;

/// <summary>
/// Reads values out of a YAML tree while collecting problems (with file, line and field) instead of
/// throwing at the first one. Every getter returns null on a problem and records it.
/// </summary>
internal sealed class YamlReader(string file, List<CatalogIssue> issues)
{
    public string File => file;

    public void Problem(YamlNode? node, string field, string message) =>
        issues.Add(new CatalogIssue(file, node is null ? 0 : (int)node.Start.Line, field, message));

    public YamlMappingNode? Mapping(YamlNode? node, string field)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }
        Problem(node, field, "expected a mapping (key: value pairs)");
        return null;
    }

    public YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Records every key of <paramref name="mapping"/> that is not in <paramref name="allowed"/>, with near matches.</summary>
    public void OnlyKeys(YamlMappingNode mapping, string field, params string[] allowed)
    {
        foreach (var key in mapping.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!allowed.Contains(key.Value))
            {
                Problem(key, $"{field}.{key.Value}", $"unknown key '{key.Value}'{NearMatch.Suggest(key.Value ?? "", allowed)}");
            }
        }
    }

    public string? Text(YamlMappingNode mapping, string key, string field, bool required = true)
    {
        var node = Child(mapping, key);
        if (node is null)
        {
            if (required)
            {
                Problem(mapping, $"{field}.{key}", "is required");
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }
        Problem(node, $"{field}.{key}", "expected a non-empty value");
        return null;
    }

    /// <summary>The text of <paramref name="key"/>, or <paramref name="fallback"/> when absent, if it is one of <paramref name="allowed"/>; else a problem naming the choices and a near match.</summary>
    public string? OneOf(YamlMappingNode mapping, string key, string field, IReadOnlyList<string> allowed, string fallback)
    {
        var text = Text(mapping, key, field, required: false) ?? fallback;
        if (allowed.Contains(text))
        {
            return text;
        }
        Problem(Child(mapping, key), $"{field}.{key}", $"'{text}' is not one of {string.Join(", ", allowed)}{NearMatch.Suggest(text, allowed)}");
        return null;
    }

    public double? Number(YamlMappingNode mapping, string key, string field, bool required = true)
    {
        var text = Text(mapping, key, field, required);
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Problem(Child(mapping, key), $"{field}.{key}", $"'{text}' is not a number");
        return null;
    }

    public IReadOnlyList<string> TextList(YamlNode? node, string field)
    {
        if (node is YamlScalarNode { Value: { } single })
        {
            return [single];
        }
        if (node is YamlSequenceNode sequence)
        {
            var values = new List<string>();
            foreach (var item in sequence.Children)
            {
                if (item is YamlScalarNode { Value: { } value })
                {
                    values.Add(value);
                }
                else
                {
                    Problem(item, field, "expected a list of plain values");
                }
            }
            return values;
        }
        Problem(node, field, "expected a value or a list of values");
        return [];
    }
}
