using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModScope.Ingest;
using ModScope.Sources;
using ModScope.Store;
using ModScope.Tests.Support;
using static ModScope.Web.Tests.TeamRequests;

namespace ModScope.Web.Tests;

/// <summary>
/// A producer's own column that names people (an extra column the source mapping marks <c>person: true</c>) is
/// pseudonymised for a viewer like a moderator id: four hand-written decisions, a second reviewer on three of them, a
/// catalogue dimension on it (the shipped core index plus one entry, with the mapping beside it); the viewer sees the
/// keyed hashes (computed here with HMAC-SHA256 directly) with the hand counts, the analyst the ids.
/// </summary>
public sealed class PersonExtraColumnTests : IAsyncLifetime
{
    private const string Key = "person-extra-key";
    private const string Password = "extra-pass";
    private const string Week = "/api/query?metric=decision_volume&by=second_reviewer&period=2026-11-02..2026-11-08";

    private readonly TempFolder _folder = new("modscope-web-person-");
    private DashboardFactory? _factory;

    public async Task InitializeAsync()
    {
        var data = Directory.CreateDirectory(_folder.Sub("data")).FullName;
        var catalog = Directory.CreateDirectory(_folder.Sub("catalog")).FullName;
        const string Mapping = "decisions:\n  extra:\n    second_reviewer: {type: string, person: true}\n";
        File.WriteAllText(Path.Combine(catalog, "sources.yaml"), Mapping);
        var shipped = File.ReadAllText(ShippedCatalogue());
        File.WriteAllText(Path.Combine(catalog, "core-index.yaml"), shipped.Replace("\ndimensions:\n",
            "\ndimensions:\n  - id: second_reviewer\n    name: {en: Second reviewer, zh-Hans: 复核人}\n    column: second_reviewer\n    sources: [decisions]\n",
            StringComparison.Ordinal));
        const string Header = "decision_id,object_type,object_id,market,queue,policy_id,detection_source,decided_by,moderator_id,site,verdict,language,created_at,decided_at,handling_seconds,second_reviewer";
        File.WriteAllLines(Path.Combine(data, "decisions-extra.csv"),
        [
            Header,
            Row("D1", "2026-11-02", "rv-anna"),
            Row("D2", "2026-11-03", "rv-anna"),
            Row("D3", "2026-11-04", "rv-bo"),
            Row("D4", "2026-11-05", ""),
        ]);
        using (var store = ModScopeStore.Open(_folder.Sub("store.duckdb")))
        {
            var loaded = await new Ingestor(store).IngestAsync([data], new IngestOptions(Mapping: SourceMappingParser.Load(Path.Combine(catalog, "sources.yaml"))));
            Assert.Equal((4, 0), (loaded.RowsLoaded, loaded.RowsQuarantined));
        }
        var hash = ModScope.Web.Access.PasswordHash.Create(Password);
        _factory = new DashboardFactory(new DashboardOptions(_folder.Sub("store.duckdb"), CatalogPath: Path.Combine(catalog, "core-index.yaml")),
            new Dictionary<string, string?>
            {
                ["ModScope:PseudonymKey"] = Key,
                ["ModScope:Users"] = $"vic:viewer:{hash};ana:analyst:{hash}",
            });
    }

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_mapped_person_column_is_a_pseudonym_for_a_viewer_and_the_id_for_an_analyst()
    {
        using var client = _factory!.CreateClient();

        var viewer = await Counts(client, "vic");
        var analyst = await Counts(client, "ana");
        using var filtered = await Send(client, "get", Week + "&filter=second_reviewer%3Drv-anna", Basic("vic", Password));

        // By hand: rv-anna on D1 and D2, rv-bo on D3, no second reviewer on D4.
        Assert.Equal(new Dictionary<string, double> { ["rv-anna"] = 2, ["rv-bo"] = 1, ["(none)"] = 1 }, analyst);
        Assert.Equal(new Dictionary<string, double> { [Pseudonym("rv-anna")] = 2, [Pseudonym("rv-bo")] = 1, ["(none)"] = 1 }, viewer);
        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
        Assert.Contains("second_reviewer", await filtered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, double>> Counts(HttpClient client, string user)
    {
        using var response = await Send(client, "get", Week, Basic(user, Password));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("rows").EnumerateArray().ToDictionary(
            r => r.GetProperty("dimensions").GetProperty("second_reviewer").GetString() ?? "(none)", r => r.GetProperty("value").GetDouble(), StringComparer.Ordinal);
    }

    // The pseudonym as the README states it: p- and the first 12 hex digits of HMAC-SHA256 under the server key.
    private static string Pseudonym(string id) =>
        "p-" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(id)))[..12];

    // The repository's catalog/core-index.yaml, above the test's output folder.
    private static string ShippedCatalogue()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "catalog", "core-index.yaml");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("No catalog/core-index.yaml above " + AppContext.BaseDirectory);
    }

    private static string Row(string id, string day, string reviewer) =>
        $"{id},listing,O{id},ID,ID-prelisting,prohibited_goods,user_report,human,mod-1,KUL-ALPHA,remove,id,{day}T08:00:00Z,{day}T09:00:00Z,60,{reviewer}";
}
