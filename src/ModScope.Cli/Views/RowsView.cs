using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>
/// Writes named columns of rows as a terminal table, CSV or JSON (objects keyed by column): the shape the planning
/// commands share. Numbers are rounded for the table only; CSV and JSON keep full precision.
/// </summary>
internal static class RowsView
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static async Task WriteAsync(CliContext context, string title, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, string format, string? output)
    {
        if (format == "table" && output is null)
        {
            var table = new Table().Title(Markup.Escape(title));
            foreach (var column in columns)
            {
                table.AddColumn(new TableColumn(Markup.Escape(column)));
            }
            foreach (var row in rows)
            {
                table.AddRow(row.Select(v => Markup.Escape(Shown(v))).ToArray());
            }
            context.Out.Write(table);
            return;
        }
        var text = format == "json" ? Json(columns, rows) : Csv(columns, rows);
        if (output is null)
        {
            await context.HelpOutput.WriteAsync(text).ConfigureAwait(false);
            return;
        }
        await File.WriteAllTextAsync(output, text).ConfigureAwait(false);
        context.Out.MarkupLine(CultureInfo.InvariantCulture, $"Wrote {rows.Count} rows to [bold]{Markup.Escape(output)}[/].");
    }

    private static string Shown(object? value) => value switch
    {
        null => "",
        double d => Math.Abs(d) >= 100 ? d.ToString("N0", CultureInfo.InvariantCulture) : d.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Csv(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvOutput.Writer(text))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column);
            }
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(Cell(value));
                }
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    private static string Json(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows) =>
        JsonSerializer.Serialize(rows.Select(r => columns.Select((c, i) => (c, r[i] is DateOnly d ? Cell(d) : r[i])).ToDictionary(p => p.c, p => p.Item2)), JsonOptions) + Environment.NewLine;
}
