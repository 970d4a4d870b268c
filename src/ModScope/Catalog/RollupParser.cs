using System.Text.RegularExpressions;
using ModScope.Common;
using YamlDotNet.RepresentationModel;

namespace ModScope.Catalog;

/// <summary>Reads the catalogue's optional <c>rollup</c> section and checks its name, time zone and dimensions.</summary>
internal static partial class RollupParser
{
    public static RollupDefinition? Parse(YamlReader reader, YamlMappingNode root, IReadOnlyList<DimensionDefinition> dimensions)
    {
        if (reader.Child(root, "rollup") is not { } node)
        {
            return null;
        }
        var map = reader.Mapping(node, "rollup");
        if (map is null)
        {
            return null;
        }
        reader.OnlyKeys(map, "rollup", "name", "time_zone", "dimensions");
        var name = reader.Text(map, "name", "rollup");
        if (name is not null && !Identifier().IsMatch(name))
        {
            reader.Problem(reader.Child(map, "name"), "rollup.name", $"'{name}' is not a name of lower-case letters, digits and _ starting with a letter");
            name = null;
        }
        var zone = reader.Text(map, "time_zone", "rollup");
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            reader.Problem(reader.Child(map, "time_zone"), "rollup.time_zone", $"'{zone}' is not an IANA time zone such as UTC or Asia/Singapore");
            zone = null;
        }
        var ids = reader.TextList(reader.Child(map, "dimensions"), "rollup.dimensions");
        var known = dimensions.Select(d => d.Id).ToList();
        foreach (var id in ids.Where(i => !known.Contains(i)))
        {
            reader.Problem(reader.Child(map, "dimensions"), "rollup.dimensions", $"unknown dimension '{id}'{NearMatch.Suggest(id, known)}");
        }
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            reader.Problem(reader.Child(map, "dimensions"), "rollup.dimensions", "a dimension is named twice");
        }
        return name is null || zone is null ? null : new RollupDefinition(name, zone, ids, (int)map.Start.Line);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,40}$")]
    private static partial Regex Identifier();
}
