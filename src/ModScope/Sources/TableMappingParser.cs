using System.Text.RegularExpressions;
using ModScope.Common;
using ModScope.Model;
using YamlDotNet.RepresentationModel;

namespace ModScope.Sources;

/// <summary>Reads one table's entry of a source mapping, recording each problem with its line and field.</summary>
internal sealed partial class TableMappingParser(YamlReader reader, TableSchema table, YamlMappingNode body)
{
    private static readonly string[] Reserved = ["file_id", "line"];
    private readonly List<ExtraColumn> _extra = [];

    public TableMapping Parse()
    {
        ParseExtra();
        var columns = ParseColumns();
        var values = ParseValues();
        var (formats, zone) = ParseTimestamp();
        return new TableMapping(table.Name, columns, values, formats, zone, _extra);
    }

    private string Field(string part) => $"{table.Name}.{part}";

    private IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries(string key)
    {
        var node = reader.Child(body, key);
        if (node is null || reader.Mapping(node, Field(key)) is not { } mapping)
        {
            yield break;
        }
        foreach (var (k, v) in mapping.Children)
        {
            yield return ((YamlScalarNode)k, v);
        }
    }

    /// <summary>Our columns and the extra ones declared so far, for lookups and near matches.</summary>
    private ColumnSpec? Ours(string name) =>
        table.Find(name) ?? _extra.Where(e => e.Name == name).Select(e => new ColumnSpec(e.Name, e.Kind, Required: false)).FirstOrDefault();

    private IEnumerable<string> OurNames => table.Columns.Select(c => c.Name).Concat(_extra.Select(e => e.Name));

    private void ParseExtra()
    {
        if (Entries("extra").Any() && Model.Tables.IsReference(table))
        {
            reader.Problem(reader.Child(body, "extra"), Field("extra"), $"extra columns belong to event tables ({string.Join(", ", EventSchema.All.Select(t => t.Name))}), not to reference table {table.Name}");
            return;
        }
        foreach (var (key, value) in Entries("extra"))
        {
            var name = key.Value ?? "";
            var (type, person) = ExtraType(value, Field($"extra.{name}"));
            if (!SnakeCase().IsMatch(name))
            {
                reader.Problem(key, Field($"extra.{name}"), "an extra column's name is snake_case: a lower-case letter, then lower-case letters, digits or '_'");
            }
            else if (table.Find(name) is not null || Reserved.Contains(name))
            {
                reader.Problem(key, Field($"extra.{name}"), $"'{name}' is already a column of {table.Name}; an extra column needs a name of its own");
            }
            else if (!ExtraColumn.Types.TryGetValue(type, out var kind))
            {
                reader.Problem(value, Field($"extra.{name}"), $"unknown type '{type}'; expected one of: {string.Join(", ", ExtraColumn.Types.Keys)}{NearMatch.Suggest(type, ExtraColumn.Types.Keys)}");
            }
            else if (person && kind != ColumnKind.Text)
            {
                reader.Problem(value, Field($"extra.{name}.person"), $"a person's column holds ids: its type is string, not {type}");
            }
            else
            {
                _extra.Add(new ExtraColumn(name, kind, person));
            }
        }
    }

    // An extra column's entry: its type word (seller_tier: string), or {type: string, person: true} for one that names people.
    private (string Type, bool Person) ExtraType(YamlNode value, string field)
    {
        if (value is not YamlMappingNode entry)
        {
            return ((value as YamlScalarNode)?.Value ?? "", false);
        }
        reader.OnlyKeys(entry, field, "type", "person");
        var type = reader.Text(entry, "type", field) ?? "";
        return (type, reader.OneOf(entry, "person", field, ["true", "false"], "false") == "true");
    }

    private Dictionary<string, string> ParseColumns()
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries("columns"))
        {
            var ours = key.Value ?? "";
            var theirs = (value as YamlScalarNode)?.Value;
            if (Ours(ours) is null)
            {
                reader.Problem(key, Field($"columns.{ours}"), $"unknown column '{ours}' of {table.Name}{NearMatch.Suggest(ours, OurNames)} (columns map our name: their name)");
            }
            else if (string.IsNullOrWhiteSpace(theirs))
            {
                reader.Problem(value, Field($"columns.{ours}"), "expected their column's name");
            }
            else if (columns.FirstOrDefault(c => string.Equals(c.Value, theirs, StringComparison.OrdinalIgnoreCase)).Key is { } other)
            {
                reader.Problem(value, Field($"columns.{ours}"), $"their column '{theirs}' is already mapped to {other}");
            }
            else
            {
                columns[ours] = theirs;
            }
        }
        // Their name for one column may not be the unrenamed name of another: the file's header would be ambiguous.
        foreach (var (ours, theirs) in columns)
        {
            if (Ours(theirs) is { } clash && clash.Name != ours && !columns.ContainsKey(clash.Name))
            {
                reader.Problem(reader.Child(body, "columns"), Field($"columns.{ours}"), $"their column '{theirs}' is also our column {clash.Name}, which is not renamed; map {clash.Name} too");
            }
        }
        return columns;
    }

    private Dictionary<string, IReadOnlyDictionary<string, string>> ParseValues()
    {
        var values = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries("values"))
        {
            var name = key.Value ?? "";
            var column = Ours(name);
            if (column is null)
            {
                reader.Problem(key, Field($"values.{name}"), $"unknown column '{name}' of {table.Name}{NearMatch.Suggest(name, OurNames)}");
                continue;
            }
            if (reader.Mapping(value, Field($"values.{name}")) is not { } pairs)
            {
                continue;
            }
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (theirNode, ourNode) in pairs.Children)
            {
                var theirs = (theirNode as YamlScalarNode)?.Value ?? "";
                var ours = (ourNode as YamlScalarNode)?.Value ?? "";
                if (column.IsEnum && !column.AllowedValues!.Contains(ours))
                {
                    reader.Problem(ourNode, Field($"values.{name}.{theirs}"),
                        $"'{ours}' is not a valid {name}; expected one of: {string.Join(", ", column.AllowedValues!)}{NearMatch.Suggest(ours, column.AllowedValues!)}");
                }
                else if (column.Kind == ColumnKind.Boolean && ours is not ("true" or "false"))
                {
                    reader.Problem(ourNode, Field($"values.{name}.{theirs}"), $"'{ours}' is not true or false");
                }
                else
                {
                    map[theirs] = ours;
                }
            }
            values[name] = map;
        }
        return values;
    }

    private (IReadOnlyList<string> Formats, string? Zone) ParseTimestamp()
    {
        var node = reader.Child(body, "timestamp");
        if (node is null || reader.Mapping(node, Field("timestamp")) is not { } timestamp)
        {
            return ([], null);
        }
        reader.OnlyKeys(timestamp, Field("timestamp"), "formats", "time_zone");
        var formatsNode = reader.Child(timestamp, "formats");
        var formats = formatsNode is null ? [] : reader.TextList(formatsNode, Field("timestamp.formats")).ToList();
        foreach (var format in formats.Where(f => !f.Contains('%', StringComparison.Ordinal) || f.Contains("%z", StringComparison.Ordinal) || f.Contains("%Z", StringComparison.Ordinal)))
        {
            reader.Problem(formatsNode, Field("timestamp.formats"),
                $"'{format}' is not a wall-clock strptime format (such as %d/%m/%Y %H:%M); times with a UTC offset are read as ISO-8601 without one");
        }
        var zone = reader.Text(timestamp, "time_zone", Field("timestamp"), required: formats.Count > 0);
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            reader.Problem(reader.Child(timestamp, "time_zone"), Field("timestamp.time_zone"), $"unknown time zone '{zone}'; use an IANA name such as Europe/Madrid");
            zone = null;
        }
        return (formats, zone);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}
