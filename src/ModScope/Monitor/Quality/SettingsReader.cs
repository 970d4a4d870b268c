using System.Globalization;
using ModScope.Catalog;
using ModScope.Common;
using YamlDotNet.RepresentationModel;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Optional settings values on top of <see cref="YamlReader"/>: a key that is absent keeps its default; a bad value
/// is recorded (with its line) and also keeps the default, so every problem is found in one pass.
/// </summary>
internal sealed class SettingsReader(YamlReader reader)
{
    public YamlReader Yaml => reader;

    /// <summary>The mapping under <paramref name="key"/> with its keys checked, or null when absent or not a mapping.</summary>
    public YamlMappingNode? Section(YamlMappingNode parent, string key, string field, params string[] keys)
    {
        if (reader.Child(parent, key) is not { } node || reader.Mapping(node, field) is not { } section)
        {
            return null;
        }
        reader.OnlyKeys(section, field, keys);
        return section;
    }

    /// <summary>A number within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public double Number(YamlMappingNode? map, string key, string field, double fallback, double min = 0, double max = double.MaxValue)
    {
        if (map is null || reader.Child(map, key) is null || reader.Number(map, key, field) is not { } value)
        {
            return fallback;
        }
        if (value < min || value > max)
        {
            reader.Problem(reader.Child(map, key), $"{field}.{key}", max == double.MaxValue
                ? $"{Text(value)} is below the minimum {Text(min)}"
                : $"{Text(value)} is outside {Text(min)}..{Text(max)}");
            return fallback;
        }
        return value;
    }

    /// <summary>A share between 0 and 1.</summary>
    public double Share(YamlMappingNode? map, string key, string field, double fallback) => Number(map, key, field, fallback, 0, 1);

    /// <summary>A whole number at least <paramref name="min"/>.</summary>
    public int Whole(YamlMappingNode? map, string key, string field, int fallback, int min = 1)
    {
        var value = Number(map, key, field, fallback, min, 100_000);
        if (value != Math.Floor(value))
        {
            reader.Problem(reader.Child(map!, key), $"{field}.{key}", $"{Text(value)} is not a whole number");
            return fallback;
        }
        return (int)value;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
