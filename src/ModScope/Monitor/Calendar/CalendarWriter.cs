using System.Globalization;
using System.Text;
using ModScope.Catalog;
using ModScope.Common;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ModScope.Monitor.Calendar;

/// <summary>
/// Writes events as YAML in the shape of <c>catalog/events.yaml</c>: a whole calendar, or one event appended to
/// an existing file so its comments and layout stay as they are.
/// </summary>
internal static class CalendarWriter
{
    public static string Document(IEnumerable<CalendarEvent> events)
    {
        var text = new StringBuilder();
        text.Append("# Known peaks per market (format: catalog/events.yaml). Written by ModScope.\nversion: 1\nevents:\n");
        foreach (var calendarEvent in events)
        {
            text.Append(Entry(calendarEvent, 2));
        }
        return text.ToString();
    }

    /// <summary>
    /// <paramref name="existing"/> with <paramref name="calendarEvent"/> added as the last item of <c>events</c>,
    /// which must be the file's last key, written as a block list (or left empty).
    /// </summary>
    public static string Appended(string existing, string file, CalendarEvent calendarEvent)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(existing));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var last = root.Children.Last();
        var isEvents = last.Key is YamlScalarNode { Value: "events" };
        var indent = -1;
        if (isEvents && last.Value is YamlSequenceNode { Style: not SequenceStyle.Flow } items && items.Children.Count > 0)
        {
            indent = (int)items.Start.Column - 1;
        }
        else if (isEvents && last.Value is YamlScalarNode { Value: null or "" })
        {
            indent = (int)last.Key.Start.Column + 1;
        }
        if (indent < 0)
        {
            throw new CatalogException([new CatalogIssue(file, (int)last.Key.Start.Line, "events",
                "cannot append an event: 'events' must be the file's last key, written as a block list ('- id: ...' per line)")]);
        }
        var separator = existing.EndsWith('\n') ? "" : "\n";
        return existing + separator + Entry(calendarEvent, indent);
    }

    /// <summary>One list item, its dash at column <paramref name="indent"/>.</summary>
    public static string Entry(CalendarEvent calendarEvent, int indent)
    {
        var dash = new string(' ', indent);
        var body = new string(' ', indent + 2);
        var effect = calendarEvent.Effect;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{dash}- id: {calendarEvent.Id}\n");
        text.Append(CultureInfo.InvariantCulture, $"{body}name: {{en: {Quoted(calendarEvent.Name.En)}, zh-Hans: {Quoted(calendarEvent.Name.ZhHans)}}}\n");
        text.Append(CultureInfo.InvariantCulture, $"{body}markets: [{string.Join(", ", calendarEvent.Markets.Select(Quoted))}]\n");
        text.Append(CultureInfo.InvariantCulture, $"{body}start: {CalendarRules.Day(calendarEvent.Start)}\n");
        text.Append(CultureInfo.InvariantCulture, $"{body}end: {CalendarRules.Day(calendarEvent.End)}\n");
        text.Append(CultureInfo.InvariantCulture, $"{body}effect: {{volume: {effect.Volume.ToString().ToLowerInvariant()}");
        text.Append(CultureInfo.InvariantCulture, $", lead_days: {effect.LeadDays}, lag_days: {effect.LagDays}");
        text.Append(effect.Uplift is { } uplift ? string.Create(CultureInfo.InvariantCulture, $", uplift: {uplift:R}") : "");
        text.Append(effect.UpliftLagDays is { } upliftLag ? string.Create(CultureInfo.InvariantCulture, $", uplift_lag_days: {upliftLag}}}\n") : "}\n");
        return text.ToString();
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    text.Append('\\').Append(c);
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case var control when char.IsControl(control):
                    text.Append("\\u").Append(((int)control).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }
}
