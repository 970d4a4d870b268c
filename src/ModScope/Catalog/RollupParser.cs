using System.Text.RegularExpressions;
using ModScope.Common;
using YamlDotNet.RepresentationModel;

namespace ModScope.Catalog;

/// <summary>
/// Reads the catalogue's optional <c>rollups</c> list (or the older single <c>rollup</c> mapping, read as a list of one)
/// and checks each entry's name (unique), time zone and dimensions.
/// </summary>
internal static partial class RollupParser
{
    public static IReadOnlyList<RollupDefinition> Parse(YamlReader reader, YamlMappingNode root, IReadOnlyList<DimensionDefinition> dimensions)
    {
        var list = reader.Child(root, "rollups");
        var single = reader.Child(root, "rollup");
        if (list is not null && single is not null)
        {
            reader.Problem(single, "rollup", "give the rollups once: either 'rollups:' (a list) or the older 'rollup:' (one), not both");
            return [];
        }
        var entries = new List<(YamlNode Node, string Field)>();
        if (single is not null)
        {
            entries.Add((single, "rollup"));
        }
        else if (list is YamlSequenceNode sequence)
        {
            entries.AddRange(sequence.Children.Select((n, i) => (n, $"rollups[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]")));
        }
        else if (list is not null)
        {
            reader.Problem(list, "rollups", "expected a list of rollups (- name: ..., time_zone: ..., dimensions: [...])");
        }
        var rollups = new List<RollupDefinition>();
        foreach (var (node, field) in entries)
        {
            if (One(reader, node, field, dimensions) is not { } rollup)
            {
                continue;
            }
            if (rollups.Any(r => r.Name == rollup.Name))
            {
                reader.Problem(node, field + ".name", $"rollup '{rollup.Name}' is named twice (its tables are rollup_{rollup.Name}_N: each name once)");
                continue;
            }
            rollups.Add(rollup);
        }
        return rollups;
    }

    private static RollupDefinition? One(YamlReader reader, YamlNode node, string field, IReadOnlyList<DimensionDefinition> dimensions)
    {
        var map = reader.Mapping(node, field);
        if (map is null)
        {
            return null;
        }
        reader.OnlyKeys(map, field, "name", "time_zone", "dimensions");
        var name = reader.Text(map, "name", field);
        if (name is not null && !Identifier().IsMatch(name))
        {
            reader.Problem(reader.Child(map, "name"), field + ".name", $"'{name}' is not a name of lower-case letters, digits and _ starting with a letter");
            name = null;
        }
        var zone = reader.Text(map, "time_zone", field);
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            reader.Problem(reader.Child(map, "time_zone"), field + ".time_zone", $"'{zone}' is not an IANA time zone such as UTC or Asia/Singapore");
            zone = null;
        }
        var ids = reader.TextList(reader.Child(map, "dimensions"), field + ".dimensions");
        var known = dimensions.Select(d => d.Id).ToList();
        var unknown = false;
        foreach (var id in ids.Where(i => !known.Contains(i)))
        {
            reader.Problem(reader.Child(map, "dimensions"), field + ".dimensions", $"unknown dimension '{id}'{NearMatch.Suggest(id, known)}");
            unknown = true;
        }
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            reader.Problem(reader.Child(map, "dimensions"), field + ".dimensions", "a dimension is named twice");
        }
        return name is null || zone is null || unknown ? null : new RollupDefinition(name, zone, ids, (int)map.Start.Line);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,40}$")]
    private static partial Regex Identifier();
}
