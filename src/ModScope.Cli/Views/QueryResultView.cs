using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using ModScope.Catalog;
using ModScope.Query;
using ModScope.Reports.Text;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>Writes metric results as a terminal table, CSV, JSON or Parquet.</summary>
internal static class QueryResultView
{
    private static readonly string[] Fixed =
        ["metric", "bucket", "value", "numerator", "denominator", "sample_size", "ci_lower", "ci_upper", "comparison", "abs_change", "rel_change", "significant", "p_value", "relative_error",
         "data_from", "days_with_data", "days", "previous_days_with_data", "previous_days", "comparable"];

    public static async Task WriteAsync(CliContext context, MetricCatalog catalog, MetricRequest request, IReadOnlyList<MetricResult> results,
        string format, string? output, string language)
    {
        if (format == "parquet")
        {
            WriteParquet(output ?? throw new UsageException("--format parquet needs --out FILE."), request, results);
            context.Out.MarkupLine(CultureInfo.InvariantCulture, $"Wrote {results.Count} rows to [bold]{Markup.Escape(output)}[/].");
            return;
        }
        if (format == "table" && output is null)
        {
            context.Out.Write(Table(catalog, request, results, language));
            return;
        }
        var text = format switch
        {
            "json" => Json(request, results),
            _ => Csv(request, results),
        };
        if (output is null)
        {
            await context.HelpOutput.WriteAsync(text).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(output, text).ConfigureAwait(false);
            context.Out.MarkupLine(CultureInfo.InvariantCulture, $"Wrote {results.Count} rows to [bold]{Markup.Escape(output)}[/].");
        }
    }

    private static Table Table(MetricCatalog catalog, MetricRequest request, IReadOnlyList<MetricResult> results, string language)
    {
        var comparing = request.Comparison != Comparison.None;
        var table = new Table().Title($"{Markup.Escape(request.Period.Label)} ({request.Period.Start:yyyy-MM-dd} to {request.Period.End.AddDays(-1):yyyy-MM-dd}, {Markup.Escape(request.Period.TimeZone)})");
        table.AddColumn("metric");
        if (request.Grain != TimeGrain.None)
        {
            table.AddColumn(request.Grain.ToString().ToLowerInvariant());
        }
        foreach (var dimension in request.Dimensions)
        {
            table.AddColumn(Markup.Escape(catalog.Dimension(dimension).Name.In(language)));
        }
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn("95% interval");
        table.AddColumn(new TableColumn("n").RightAligned());
        if (comparing)
        {
            table.AddColumn(new TableColumn("compared").RightAligned());
            table.AddColumn(new TableColumn("change").RightAligned());
        }
        foreach (var r in results)
        {
            var metric = catalog.Metric(r.Metric);
            var cells = new List<string> { Markup.Escape(metric.Name.In(language)) };
            if (request.Grain != TimeGrain.None)
            {
                cells.Add(r.Bucket?.ToString(request.Grain == TimeGrain.Hour ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            }
            cells.AddRange(request.Dimensions.Select(d => Markup.Escape(r.Dimensions[d] ?? "(none)")));
            cells.Add(r.RelativeError is { } error && r.Value is not null
                ? $"≈{Format(metric, r.Value)} (±{(error * 100).ToString("0.##", CultureInfo.InvariantCulture)}%)"
                : Format(metric, r.Value));
            cells.Add(r.Interval is { } i ? $"{Format(metric, i.Lower)} – {Format(metric, i.Upper)}" : "");
            cells.Add(r.SampleSize is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "");
            if (comparing)
            {
                cells.Add(Format(metric, r.ComparisonValue));
                cells.Add(Change(metric, r) + (r.Coverage is null ? "" : " *"));
            }
            table.AddRow(cells.ToArray());
        }
        // A comparison over a period the data only partly covers: why its change is missing (or on which days it stands).
        var notes = results.Select(r => r.Coverage).OfType<ComparisonCoverage>().Distinct()
            .Select(c => CoverageWords.Of(c, ReportText.For(language))).Distinct().ToList();
        if (comparing && notes.Count > 0)
        {
            table.Caption(Markup.Escape(string.Join(Environment.NewLine, notes.Select(n => "* " + n))));
        }
        return table;
    }

    private static string Change(MetricDefinition metric, MetricResult r)
    {
        if (r.AbsoluteChange is not { } change)
        {
            return "";
        }
        var text = ValueFormatter.Invariant.Change(metric, change, r.RelativeChange);
        return r.Significant switch
        {
            true => metric.Goodness(change) > 0 ? $"[green]{text}[/]" : metric.Direction == MetricDirection.Neutral ? $"[blue]{text}[/]" : $"[red]{text}[/]",
            false => $"[grey]{text} (n.s.)[/]",
            null => text,
        };
    }

    public static string Format(MetricDefinition metric, double? value) => ValueFormatter.Invariant.Value(metric, value, missing: "");

    private static IEnumerable<(string Name, object? Value)> Fields(MetricRequest request, MetricResult r) =>
        new (string, object?)[] { ("metric", r.Metric), ("bucket", r.Bucket) }
            .Concat(request.Dimensions.Select(d => (d, (object?)r.Dimensions[d])))
            .Concat(new (string, object?)[]
            {
                ("value", r.Value), ("numerator", r.Numerator), ("denominator", r.Denominator), ("sample_size", r.SampleSize),
                ("ci_lower", r.Interval?.Lower), ("ci_upper", r.Interval?.Upper), ("comparison", r.ComparisonValue),
                ("abs_change", r.AbsoluteChange), ("rel_change", r.RelativeChange), ("significant", r.Significant), ("p_value", r.PValue),
                // Set for an approximate value (a quantile from the rollup's sketch): its bound, e.g. 0.01.
                ("relative_error", r.RelativeError),
                // Set when a compared period starts before the metric's data (Query/README.md): then a count has no change.
                ("data_from", r.Coverage?.FirstDay), ("days_with_data", r.Coverage?.DaysWithData), ("days", r.Coverage?.Days),
                ("previous_days_with_data", r.Coverage?.PreviousDaysWithData), ("previous_days", r.Coverage?.PreviousDays),
                ("comparable", r.Coverage?.Comparable),
            });

    private static string Csv(MetricRequest request, IReadOnlyList<MetricResult> results)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvOutput.Writer(text))
        {
            foreach (var name in Fixed.Take(2).Concat(request.Dimensions).Concat(Fixed.Skip(2)))
            {
                csv.WriteField(name);
            }
            csv.NextRecord();
            foreach (var r in results)
            {
                foreach (var field in Fields(request, r))
                {
                    csv.WriteField(Cell(field.Value));
                }
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Json(MetricRequest request, IReadOnlyList<MetricResult> results) =>
        JsonSerializer.Serialize(results.Select(r => Fields(request, r).ToDictionary(f => f.Name, f => f.Value)), JsonOptions) + Environment.NewLine;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static void WriteParquet(string path, MetricRequest request, IReadOnlyList<MetricResult> results)
    {
        var csv = Path.GetTempFileName();
        try
        {
            File.WriteAllText(csv, Csv(request, results));
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            var dims = string.Join(", ", request.Dimensions.Select(d => $"'{d}': 'VARCHAR'"));
            command.CommandText =
                $"COPY (SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true, " +
                $"types = {{'metric': 'VARCHAR', 'bucket': 'TIMESTAMP'{(dims.Length > 0 ? ", " + dims : "")}}})) " +
                $"TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
