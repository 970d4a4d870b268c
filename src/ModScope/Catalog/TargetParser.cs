using System.Globalization;
using ModScope.Common;
using ModScope.Model;
using YamlDotNet.RepresentationModel;

namespace ModScope.Catalog;

/// <summary>
/// Reads the catalogue's optional <c>targets</c> list: a metric's target for a segment (market, region, site, queue,
/// policy; none: the organisation), optionally from a <c>valid_from</c> date, in the columns of <c>targets*.csv</c>.
/// Each entry's metric must be one of the catalogue's; the same metric × segment × day twice is a problem.
/// </summary>
internal static class TargetParser
{
    private static readonly string[] Keys = ["metric", "market", "region", "site", "queue", "policy", "value", "valid_from"];

    public static IReadOnlyList<SegmentTarget> Parse(YamlReader reader, YamlMappingNode root, IReadOnlyList<string> metricIds)
    {
        if (reader.Child(root, "targets") is not { } node)
        {
            return [];
        }
        if (node is not YamlSequenceNode sequence)
        {
            reader.Problem(node, "targets", "expected a list");
            return [];
        }
        var targets = new List<SegmentTarget>();
        var seen = new HashSet<(string, string, string, string, string, string, DateOnly)>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var field = $"targets[{i}]";
            if (Entry(reader, sequence.Children[i], field, metricIds) is not { } target)
            {
                continue;
            }
            if (!seen.Add((target.Metric, target.Market, target.Region, target.Site, target.Queue, target.Policy, target.ValidFrom)))
            {
                reader.Problem(sequence.Children[i], field, $"a second target for {target.Metric} on the same segment from the same day");
                continue;
            }
            targets.Add(target);
        }
        return targets;
    }

    private static SegmentTarget? Entry(YamlReader reader, YamlNode node, string field, IReadOnlyList<string> metricIds)
    {
        var map = reader.Mapping(node, field);
        if (map is null)
        {
            return null;
        }
        reader.OnlyKeys(map, field, Keys);
        var metric = reader.Text(map, "metric", field);
        if (metric is not null && !metricIds.Contains(metric))
        {
            reader.Problem(reader.Child(map, "metric"), field + ".metric", $"unknown metric '{metric}'{NearMatch.Suggest(metric, metricIds)}");
            metric = null;
        }
        var value = reader.Number(map, "value", field);
        var from = ValidFrom(reader, map, field);
        string Column(string key) => reader.Text(map, key, field, required: false) ?? "";
        return metric is null || value is null || from is null
            ? null
            : new SegmentTarget(metric, Column("market"), Column("region"), Column("site"), Column("queue"), Column("policy"), value.Value, from.Value);
    }

    private static DateOnly? ValidFrom(YamlReader reader, YamlMappingNode map, string field)
    {
        var text = reader.Text(map, "valid_from", field, required: false);
        if (text is null)
        {
            return ReferenceSchema.Always;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        reader.Problem(reader.Child(map, "valid_from"), field + ".valid_from", $"'{text}' is not a date (yyyy-mm-dd)");
        return null;
    }
}
