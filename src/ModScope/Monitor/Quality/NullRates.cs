using ModScope.Common;
using ModScope.Model;
using YamlDotNet.RepresentationModel;

namespace ModScope.Monitor.Quality;

/// <summary>The <c>null_rate</c> section: its numbers and its list of columns, each checked against the event schema.</summary>
internal static class NullRates
{
    public static NullRateSettings Read(SettingsReader r, YamlMappingNode root, NullRateSettings d)
    {
        var section = r.Section(root, "null_rate", "null_rate", "days", "trailing_days", "min_rows", "critical_rate", "columns");
        var columns = d.Columns;
        if (section is not null && r.Yaml.Child(section, "columns") is { } node)
        {
            if (node is YamlSequenceNode list)
            {
                columns = list.Children.Select(item => Column(r, item)).OfType<NullRateColumn>().ToList();
            }
            else
            {
                r.Yaml.Problem(node, "null_rate.columns", "expected a list of {table, column, max_rate, when}");
            }
        }
        return new NullRateSettings
        {
            Days = r.Whole(section, "days", "null_rate", d.Days),
            TrailingDays = r.Whole(section, "trailing_days", "null_rate", d.TrailingDays),
            MinRows = r.Whole(section, "min_rows", "null_rate", d.MinRows),
            CriticalRate = r.Share(section, "critical_rate", "null_rate", d.CriticalRate),
            Columns = columns,
        };
    }

    private static NullRateColumn? Column(SettingsReader r, YamlNode item)
    {
        if (r.Yaml.Mapping(item, "null_rate.columns[]") is not { } map)
        {
            return null;
        }
        r.Yaml.OnlyKeys(map, "null_rate.columns[]", "table", "column", "max_rate", "when");
        var tableName = r.Yaml.Text(map, "table", "null_rate.columns[]");
        var columnName = r.Yaml.Text(map, "column", "null_rate.columns[]");
        var field = $"null_rate.columns.{tableName}.{columnName}";
        var maxRate = r.Share(map, "max_rate", field, double.NaN);
        if (r.Yaml.Child(map, "max_rate") is null)
        {
            r.Yaml.Problem(map, $"{field}.max_rate", "is required");
        }
        var table = tableName is null ? null : Table(r, map, tableName, field);
        var column = table is null || columnName is null ? null : Column(r, r.Yaml.Child(map, "column"), table, columnName, $"{field}.column");

        var when = new Dictionary<string, string>(StringComparer.Ordinal);
        var conditionsOk = true;
        if (r.Yaml.Child(map, "when") is { } whenNode && r.Yaml.Mapping(whenNode, $"{field}.when") is { } conditions)
        {
            foreach (var (keyNode, valueNode) in conditions.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                var value = (valueNode as YamlScalarNode)?.Value;
                var condition = table is null ? null : Column(r, keyNode, table, key, $"{field}.when");
                if (value is null)
                {
                    r.Yaml.Problem(valueNode, $"{field}.when.{key}", "expected a plain value");
                }
                else if (condition is { IsEnum: true } && !condition.AllowedValues!.Contains(value))
                {
                    r.Yaml.Problem(valueNode, $"{field}.when.{key}",
                        $"'{value}' is not a value of {key}{NearMatch.Suggest(value, condition.AllowedValues!)}");
                }
                conditionsOk &= condition is not null && value is not null;
                if (value is not null)
                {
                    when[key] = value;
                }
            }
        }
        return table is null || column is null || double.IsNaN(maxRate) || !conditionsOk
            ? null
            : new NullRateColumn(table.Name, column.Name, maxRate, when);
    }

    private static TableSchema? Table(SettingsReader r, YamlMappingNode map, string name, string field)
    {
        var table = EventSchema.All.FirstOrDefault(t => t.Name == name);
        if (table is null)
        {
            r.Yaml.Problem(r.Yaml.Child(map, "table"), $"{field}.table",
                $"unknown table '{name}'{NearMatch.Suggest(name, EventSchema.All.Select(t => t.Name))}");
        }
        return table;
    }

    private static ColumnSpec? Column(SettingsReader r, YamlNode? node, TableSchema table, string name, string field)
    {
        var column = table.Columns.FirstOrDefault(c => c.Name == name);
        if (column is null)
        {
            r.Yaml.Problem(node, field,
                $"unknown column '{name}' of {table.Name}{NearMatch.Suggest(name, table.Columns.Select(c => c.Name))}");
        }
        return column;
    }
}
