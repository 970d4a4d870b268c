using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModScope.Explain;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope explain --input cube.csv --dims a,b,c,d --actual real --expected predict [--output causes.json]</c>:
/// the combinations of dimension values (root causes) that explain why actual values left expected ones. Writes
/// <c>{"causes":[{"a":"a1","b":"b3"},{"c":"c2"}]}</c>, ranked, to --output (and a table to the terminal) or to stdout.
/// <c>modscope explain --alert ID</c> prints a monitor alert's explanation in words and a small table, computing
/// and storing it first when the run did not (it explains only its largest alerts).
/// </summary>
internal static class ExplainCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var input = new Option<string?>("--input", "-i") { Description = "CSV cube: a header row, then one leaf per row; rows with the same dimension values are summed." };
        var alert = new Option<long?>("--alert") { Description = "Explain this monitor alert (see 'modscope alerts') instead of a cube file." };
        var dims = new Option<string?>("--dims") { Description = "Comma-separated dimension columns, e.g. a,b,c,d (with --input)." };
        var actual = new Option<string>("--actual") { Description = "Column of actual values.", DefaultValueFactory = _ => "real" };
        var expected = new Option<string>("--expected") { Description = "Column of expected (forecast) values.", DefaultValueFactory = _ => "predict" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the causes as JSON to this file and print a table (JSON to standard output if omitted)." };
        var store = CommonOptions.Store();
        var language = CommonOptions.Language();
        var catalog = CatalogOption.Create();
        var maxCauses = new Option<int>("--max-causes") { Description = "Most causes to report.", DefaultValueFactory = _ => RootCauseSettings.Default.MaxCauses };
        var engineOption = new EngineOption();
        var command = new Command("explain", "Find the combinations of dimension values (root causes) that explain why actual values left expected ones.")
        {
            input, dims, actual, expected, output, maxCauses, alert, store, language, catalog,
        };
        engineOption.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            if (parsed.GetValue(alert) is { } id)
            {
                await AlertExplanationView.Show(context, id, parsed.GetValue(store)!, CatalogOption.Load(parsed.GetValue(catalog)),
                    parsed.GetValue(language)!, opened => engineOption.EngineFor(parsed, opened), cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var path = parsed.GetValue(input)
                ?? throw new UsageException("Give --input cube.csv --dims a,b,c (a cube file) or --alert ID (a monitor alert).");
            var dimensions = Dimensions(parsed.GetValue(dims)
                ?? throw new UsageException("--dims is required with --input: name the dimension columns, e.g. --dims a,b,c."));
            var settings = RootCauseSettings.Default with { MaxCauses = parsed.GetValue(maxCauses) };
            if (settings.MaxCauses < 1)
            {
                throw new UsageException("--max-causes must be at least 1.");
            }
            if (!File.Exists(path))
            {
                throw new IOException($"Input '{path}' does not exist.");
            }
            Cube cube;
            using (var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true))
            {
                cube = CubeCsvReader.Read(reader, path, dimensions, parsed.GetValue(actual)!, parsed.GetValue(expected)!);
            }
            var result = RootCauseSearch.Find(cube, settings);
            var json = Json(cube, result);
            var target = parsed.GetValue(output);
            if (target is null)
            {
                await context.HelpOutput.WriteAsync(json).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            await File.WriteAllTextAsync(target, json, cancellationToken).ConfigureAwait(false);
            Render(context.Out, cube, result);
            context.Out.MarkupLine(CultureInfo.InvariantCulture, $"Wrote {result.Causes.Count} cause(s) to [bold]{Markup.Escape(target)}[/].");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static List<string> Dimensions(string text)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries).ToList();
        if (names.Any(n => n.Length == 0))
        {
            throw new UsageException($"--dims '{text}' has an empty name; give comma-separated column names such as a,b,c.");
        }
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? names : throw new UsageException($"--dims names '{repeated.Key}' twice.");
    }

    /// <summary>{"causes":[{"a":"a1","b":"b3"},{"c":"c2"}]}: ranked; each cause's dimensions in the cube's order.</summary>
    private static string Json(Cube cube, RootCauseResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("causes");
            foreach (var cause in result.Causes)
            {
                json.WriteStartObject();
                foreach (var dimension in cube.Dimensions.Where(cause.Conjunction.ContainsKey))
                {
                    json.WriteString(dimension, cause.Conjunction[dimension]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static void Render(IAnsiConsole console, Cube cube, RootCauseResult result)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cube.Leaves.Count:N0} leaves: actual {Number(result.TotalActual)} against expected {Number(result.TotalExpected)}; " +
            $"noise σ {result.NoiseScale:P1}; {result.AnomalousLeaves:N0} leaves beyond noise."));
        if (result.Causes.Count == 0)
        {
            console.WriteLine("No cause found: nothing moved beyond noise.");
            return;
        }
        var table = new Table()
            .AddColumn("cause")
            .AddColumn(new TableColumn("share of change").RightAligned())
            .AddColumn(new TableColumn("actual").RightAligned())
            .AddColumn(new TableColumn("expected").RightAligned())
            .AddColumn(new TableColumn("ratio").RightAligned());
        foreach (var cause in result.Causes)
        {
            table.AddRow(
                Markup.Escape(cause.ToString()),
                cause.Share.ToString("P1", CultureInfo.InvariantCulture),
                Number(cause.Actual),
                Number(cause.Expected),
                cause.Ratio is { } ratio ? ratio.ToString("0.###", CultureInfo.InvariantCulture) : "–");
        }
        console.Write(table);
    }

    private static string Number(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);
}
