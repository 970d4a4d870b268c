using System.Net.Http.Json;
using System.Text.Json;
using ModScope.Ingest;
using ModScope.Sources;
using ModScope.Store;

namespace ModScope.Web.Tests;

/// <summary>
/// The explorer on a team's own data: Bazaarly's export (tests/data/bazaar) loaded through its mapping, the dashboard
/// on a catalogue that adds the extra column seller_tier as a dimension (catalog-additions.yaml, with sources.yaml
/// beside it). The explorer's pickers offer it and a query slices by it. By hand from the export's seller_tier column:
/// gold T01, T04, T07, T09; silver T02, T05, T08, T11; bronze T03, T06, T10.
/// </summary>
public sealed class ExtraColumnExplorerTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _folder = Directory.CreateTempSubdirectory("modscope-bazaar-web-").FullName;

    private static string Bazaar(params string[] parts) => Path.Combine([Repo(), "tests", "data", "bazaar", .. parts]);

    private static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ModScope.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("ModScope.slnx not found above the test's folder");
    }

    /// <summary>The shipped core index with the additions' dimensions and metrics put in its own lists.</summary>
    private static string CatalogText()
    {
        var shipped = File.ReadAllText(Path.Combine(Repo(), "catalog", "core-index.yaml"));
        var additions = File.ReadAllText(Bazaar("catalog-additions.yaml"));
        var metricsAt = additions.IndexOf("\nmetrics:\n", StringComparison.Ordinal);
        var dimensions = additions[(additions.IndexOf("\ndimensions:\n", StringComparison.Ordinal) + "\ndimensions:\n".Length)..(metricsAt + 1)];
        return shipped.Replace("\ndimensions:\n", "\ndimensions:\n" + dimensions, StringComparison.Ordinal)
            .Replace("\nmetrics:\n", "\nmetrics:\n" + additions[(metricsAt + "\nmetrics:\n".Length)..] + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extra_column_is_an_explorer_dimension_and_slices_the_decisions()
    {
        var store = Path.Combine(_folder, "bazaar.duckdb");
        using (var s = ModScopeStore.Open(store))
        {
            var loaded = await new Ingestor(s).IngestAsync([Bazaar("reference"), Bazaar("export")], new IngestOptions(Mapping: SourceMappingParser.Load(Bazaar("sources.yaml"))));
            Assert.Equal(0, loaded.RowsQuarantined);
        }
        File.WriteAllText(Path.Combine(_folder, "core-index.yaml"), CatalogText());
        File.Copy(Bazaar("sources.yaml"), Path.Combine(_folder, "sources.yaml"));
        using var factory = new DashboardFactory(new DashboardOptions(store, Path.Combine(_folder, "core-index.yaml"), AnalystToken: DashboardStore.AnalystToken));
        using var client = factory.CreateClient();

        var catalog = await client.GetFromJsonAsync<JsonElement>("/api/catalog?lang=zh-Hans", Json);
        var tier = Assert.Single(catalog.GetProperty("dimensions").EnumerateArray(), d => d.GetProperty("id").GetString() == "seller_tier");
        Assert.Equal("卖家等级", tier.GetProperty("name").GetString());
        var volume = Assert.Single(catalog.GetProperty("metrics").EnumerateArray(), m => m.GetProperty("id").GetString() == "decision_volume");
        Assert.Contains("seller_tier", volume.GetProperty("dimensions").EnumerateArray().Select(d => d.GetString()));

        var answer = await client.GetFromJsonAsync<JsonElement>("/api/query?metric=decision_volume&by=seller_tier&period=2026-11", Json);
        var rows = answer.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("dimensions").GetProperty("seller_tier").GetString()!, r => r.GetProperty("value").GetDouble());
        Assert.Equal(new Dictionary<string, double> { ["gold"] = 4, ["silver"] = 4, ["bronze"] = 3 }, rows);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
