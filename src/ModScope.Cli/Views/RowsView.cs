using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>
/// Writes named columns of rows as a terminal table, CSV or JSON (objects keyed by column): the shape the planning
/// commands share. Numbers are rounded for the table only; CSV and JSON keep full precision. The table may show its own
/// headers (a dimension by its name in the language, as <c>query</c> does) and a <see cref="Worded"/> cell by its words;
/// CSV and JSON keep the field names and the machine-readable values.
/// </summary>
internal static class RowsView
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>A cell shown in the table as <paramref name="Text"/>, written to CSV and JSON as <paramref name="Value"/>.</summary>
    public sealed record Worded(object? Value, string Text);

    public static async Task WriteAsync(CliContext context, string title, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, string format, string? output,
        IReadOnlyList<string>? headers = null)
    {
        if (format == "table" && output is null)
        {
            var table = new Table().Title(Markup.Escape(title));
            foreach (var column in headers ?? columns)
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
        Worded w => w.Text,
        double d => Math.Abs(d) >= 100 ? d.ToString("N0", CultureInfo.InvariantCulture) : d.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Cell(object? value) => value switch
    {
        null => "",
        Worded w => Cell(w.Value),
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

    private static object? Machine(object? value) => value switch
    {
        Worded w => Machine(w.Value),
        DateOnly d => Cell(d),
        _ => value,
    };

    private static string Json(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows) =>
        JsonSerializer.Serialize(rows.Select(r => columns.Select((c, i) => (c, Machine(r[i]))).ToDictionary(p => p.c, p => p.Item2)), JsonOptions) + Environment.NewLine;
}
