using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModScope.Model;

namespace ModScope.Sources;

/// <summary>
/// What a producer must send, per table, under a source mapping: file names, columns (their names), types, required
/// ones, allowed values, value rules and row rules; as Markdown or as JSON Schema (one schema per table, for a JSON
/// Lines record).
/// </summary>
public static class ContractWriter
{
    public static readonly IReadOnlyList<string> Formats = ["md", "json-schema"];

    public static string Write(SourceMapping mapping, string format)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var tables = Tables.All.Select(mapping.Apply).ToList();
        return format switch
        {
            "md" => Markdown(mapping, tables),
            "json-schema" => JsonSchema(mapping, tables),
            _ => throw new SourceMappingException($"--format: '{format}' is not a contract format; expected one of: {string.Join(", ", Formats)}."),
        };
    }

    private static string Markdown(SourceMapping mapping, IReadOnlyList<TableSchema> tables)
    {
        var md = new StringBuilder();
        md.AppendLine("# Data contract");
        md.AppendLine();
        md.AppendLine(mapping == SourceMapping.None ? "Source mapping: none (ModScope's own column names and values)." : $"Source mapping: `{mapping.File}`.");
        md.AppendLine("Files are CSV with a header, Parquet or JSON Lines (optionally `.gz`), named after their table. Rows that break a rule are quarantined with file, line, field and rule.");
        foreach (var table in tables)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {table.Name}");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"File names start with `{table.Name}`. Key: {string.Join(" + ", table.Key.Select(k => $"`{table.Find(k)!.FileName}`"))} (once per file and store).");
            md.AppendLine();
            md.AppendLine("| column | ours | type | required | allowed values | rules |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var c in table.Columns.Select(ContractColumn.Of))
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| `{c.Name}` | {c.Ours} | {c.Type} | {(c.Required ? "yes" : "no")} | {string.Join(", ", c.Allowed ?? [])} | {string.Join("; ", c.Rules)} |");
            }
            foreach (var rule in table.Rules)
            {
                md.AppendLine();
                md.AppendLine(CultureInfo.InvariantCulture, $"- Row rule `{rule.Name}` ({table.Find(rule.Field)?.FileName ?? rule.Field}): {rule.Message}.");
            }
        }
        return md.ToString();
    }

    private static string JsonSchema(SourceMapping mapping, IReadOnlyList<TableSchema> tables)
    {
        var defs = new JsonObject();
        foreach (var table in tables)
        {
            var properties = new JsonObject();
            foreach (var c in table.Columns.Select(ContractColumn.Of))
            {
                var property = new JsonObject { ["description"] = $"ours: {c.Ours}" + (c.Rules.Count > 0 ? "; " + string.Join("; ", c.Rules) : "") };
                property["type"] = c.Type switch { "integer" => "integer", "number" => "number", "boolean" => "boolean", _ => "string" };
                if (c.Type is "timestamp" or "date")
                {
                    property["format"] = c.Type == "date" ? "date" : "date-time";
                }
                if (c.Allowed is { } allowed)
                {
                    property["enum"] = new JsonArray([.. allowed.Select(a => (JsonNode)JsonValue.Create(a))]);
                }
                properties[c.Name] = property;
            }
            defs[table.Name] = new JsonObject
            {
                ["title"] = $"{table.Name} row",
                ["type"] = "object",
                ["properties"] = properties,
                ["required"] = new JsonArray([.. table.Columns.Where(c => c.Required).Select(c => (JsonNode)JsonValue.Create(c.FileName))]),
                ["additionalProperties"] = false,
            };
        }
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "ModScope data contract" + (mapping == SourceMapping.None ? "" : $" ({mapping.File})"),
            ["$defs"] = defs,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
