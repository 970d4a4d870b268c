using System.Net.Http.Json;
using System.Text.Json;

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

    [Fact]
    public async Task An_extra_column_is_an_explorer_dimension_and_slices_the_decisions()
    {
        using var factory = new DashboardFactory(await BazaarDashboard.PrepareAsync(_folder, DashboardStore.AnalystToken));
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
