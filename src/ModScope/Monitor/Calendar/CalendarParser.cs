using System.Globalization;
using ModScope.Catalog;
using ModScope.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModScope.Monitor.Calendar;

/// <summary>
/// Reads an events file with line numbers and checks every event (<see cref="CalendarRules"/>, unique ids).
/// Every problem is collected and reported together in one <see cref="CatalogException"/>.
/// </summary>
internal static class CalendarParser
{
    private static readonly string[] TopKeys = ["version", "events"];
    private static readonly string[] EventKeys = ["id", "name", "markets", "start", "end", "effect"];
    private static readonly string[] EffectKeys = ["volume", "lead_days", "lag_days", "uplift", "uplift_lag_days"];
    private static readonly string[] Volumes = ["up", "down", "mixed"];

    public static IReadOnlyList<CalendarEvent> Parse(string text, string file, MarketScope scope)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new CatalogException([new CatalogIssue(file, (int)ex.Start.Line, "(syntax)", ex.Message)]);
        }
        if (yaml.Documents.Count == 0)
        {
            throw new CatalogException([new CatalogIssue(file, 1, "(root)", "the file is empty")]);
        }

        var issues = new List<CatalogIssue>();
        var reader = new YamlReader(file, issues);
        var events = new List<CalendarEvent>();
        if (reader.Mapping(yaml.Documents[0].RootNode, "(root)") is { } root)
        {
            reader.OnlyKeys(root, "(root)", TopKeys);
            reader.Number(root, "version", "(root)", required: false);
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var node in Items(reader, root))
            {
                if (Event(reader, node, scope) is not { } parsed)
                {
                    continue;
                }
                var line = (int)node.Start.Line;
                if (parsed.Id.Length > 0 && !firstLine.TryAdd(parsed.Id, line))
                {
                    reader.Problem(node, $"events.{parsed.Id}", $"duplicate event id '{parsed.Id}' (first on line {firstLine[parsed.Id]})");
                }
                events.Add(parsed);
            }
        }
        if (issues.Count > 0)
        {
            throw new CatalogException(issues.OrderBy(i => i.Line).ThenBy(i => i.Field, StringComparer.Ordinal).ToList());
        }
        return events;
    }

    /// <summary>The items of <c>events</c>; an empty <c>events:</c> is an empty calendar.</summary>
    private static IEnumerable<YamlNode> Items(YamlReader reader, YamlMappingNode root)
    {
        var node = reader.Child(root, "events");
        switch (node)
        {
            case YamlSequenceNode sequence:
                return sequence.Children;
            case YamlScalarNode { Value: null or "" }:
                return [];
            default:
                reader.Problem(node ?? root, "events", node is null ? "is required" : "expected a list of events");
                return [];
        }
    }

    /// <summary>
    /// One event. A field with a problem (already recorded) gets a stand-in, so the event's other fields are
    /// still checked: every problem is reported in one pass.
    /// </summary>
    private static CalendarEvent? Event(YamlReader reader, YamlNode node, MarketScope scope)
    {
        if (reader.Mapping(node, "events[]") is not { } map)
        {
            return null;
        }
        var id = reader.Text(map, "id", "event") ?? "";
        var field = $"events.{(id.Length > 0 ? id : "?")}";
        reader.OnlyKeys(map, field, EventKeys);
        var markets = reader.Child(map, "markets") is { } list ? reader.TextList(list, $"{field}.markets") : [];
        var start = Date(reader, map, "start", field);
        var end = reader.Child(map, "end") is null ? start : Date(reader, map, "end", field);
        var (first, last) = start is { } s && end is { } e ? (s, e) : (DateOnly.MinValue, DateOnly.MinValue);
        var parsed = new CalendarEvent(id, Name(reader, map, field), markets, first, last,
            Effect(reader, map, field) ?? new EventEffect(VolumeEffect.Up));
        CalendarRules.Check(parsed, scope, (sub, message) => reader.Problem(NodeAt(map, sub), $"{field}.{sub}", message));
        return parsed;
    }

    private static Bilingual Name(YamlReader reader, YamlMappingNode map, string field)
    {
        if (reader.Child(map, "name") is not { } node || reader.Mapping(node, $"{field}.name") is not { } texts)
        {
            return new Bilingual("", "");
        }
        reader.OnlyKeys(texts, $"{field}.name", "en", "zh-Hans");
        return new Bilingual(Scalar(reader.Child(texts, "en")), Scalar(reader.Child(texts, "zh-Hans")));
    }

    private static EventEffect? Effect(YamlReader reader, YamlMappingNode map, string field)
    {
        var node = reader.Child(map, "effect");
        if (node is null)
        {
            reader.Problem(map, $"{field}.effect", "is required (volume: up, down or mixed; optional lead_days, lag_days, uplift, uplift_lag_days)");
            return null;
        }
        if (reader.Mapping(node, $"{field}.effect") is not { } effect)
        {
            return null;
        }
        reader.OnlyKeys(effect, $"{field}.effect", EffectKeys);
        var volumeText = reader.Text(effect, "volume", $"{field}.effect");
        VolumeEffect? volume = volumeText is null ? null : Array.IndexOf(Volumes, volumeText) switch
        {
            0 => VolumeEffect.Up,
            1 => VolumeEffect.Down,
            2 => VolumeEffect.Mixed,
            _ => null,
        };
        if (volumeText is not null && volume is null)
        {
            reader.Problem(reader.Child(effect, "volume"), $"{field}.effect.volume",
                $"'{volumeText}' is not a volume effect; use up, down or mixed{NearMatch.Suggest(volumeText, Volumes)}");
        }
        var lead = Days(reader, effect, "lead_days", $"{field}.effect");
        var lag = Days(reader, effect, "lag_days", $"{field}.effect");
        var uplift = reader.Number(effect, "uplift", $"{field}.effect", required: false);
        int? upliftLag = reader.Child(effect, "uplift_lag_days") is null ? null : Days(reader, effect, "uplift_lag_days", $"{field}.effect");
        return new EventEffect(volume ?? VolumeEffect.Up, lead, lag, uplift, upliftLag);
    }

    private static int Days(YamlReader reader, YamlMappingNode map, string key, string field)
    {
        var value = reader.Number(map, key, field, required: false);
        if (value is { } days && (days != Math.Floor(days) || Math.Abs(days) > 366))
        {
            reader.Problem(reader.Child(map, key), $"{field}.{key}", $"'{days.ToString(CultureInfo.InvariantCulture)}' is not a whole number of days");
            return 0;
        }
        return (int)(value ?? 0);
    }

    private static DateOnly? Date(YamlReader reader, YamlMappingNode map, string key, string field)
    {
        var text = reader.Text(map, key, field);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        reader.Problem(reader.Child(map, key), $"{field}.{key}", $"'{text}' is not a date (write yyyy-MM-dd)");
        return null;
    }

    private static string Scalar(YamlNode? node) => node is YamlScalarNode { Value: { } value } ? value : "";

    /// <summary>The node a field path (<c>name.zh-Hans</c>) points at, or the nearest parent that exists.</summary>
    private static YamlNode NodeAt(YamlMappingNode map, string path)
    {
        YamlNode current = map;
        foreach (var part in path.Split('.'))
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(part), out var child))
            {
                break;
            }
            current = child;
        }
        return current;
    }
}
