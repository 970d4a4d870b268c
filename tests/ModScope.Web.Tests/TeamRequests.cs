using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModScope.Web.Tests;

/// <summary>
/// What the team-dashboard tests share: requests, the OpenAPI document's operations, an answer as searchable text, and
/// every market outside SEA as a pattern (from the shipped reference/markets.csv, read as plain CSV, not through the
/// store). This part knows no test store, so the ClickHouse tests link it too; basic auth of the test store's team
/// users is in TeamRequests.Basic.cs.
/// </summary>
internal static partial class TeamRequests
{
    public static async Task<HttpResponseMessage> Send(HttpClient client, string method, string url, AuthenticationHeaderValue? auth, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = auth;
        return await client.SendAsync(request);
    }

    public static async Task<List<(string Method, string Path)>> Operations(HttpClient client, AuthenticationHeaderValue auth)
    {
        using var response = await Send(client, "get", "/openapi/v1.json", auth);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (o.Key, p.Key))).ToList();
    }

    public static string Url(string path, long alert) => path.Replace("{id}", alert.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Every other market's code (as a JSON string, a filter value or an id prefix like US-prelisting) and English and Chinese name.</summary>
    public static List<(string Code, Regex Pattern)> OtherMarkets() =>
        MarketRows().Select(l => l.Split(','))
            .Where(r => r[3] != "SEA")
            .Select(r => (r[0], new Regex($"\"{r[0]}\"|={r[0]}\\b|\\b{r[0]}-|{Regex.Escape(r[1])}|{Regex.Escape(r[2])}", RegexOptions.CultureInvariant)))
            .ToList();

    /// <summary>The shipped reference/markets.csv, read as plain CSV lines (code, names, region).</summary>
    public static IEnumerable<string> MarketRows() =>
        ModScope.Model.ReferenceData.ReadText("markets").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1);

    /// <summary>The answer as text: JSON re-written without escapes (so Chinese names show), a workbook's cells.</summary>
    public static async Task<string> Text(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            var node = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            return node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";
        }
        if (response.Content.Headers.ContentType?.MediaType?.Contains("spreadsheetml", StringComparison.Ordinal) == true)
        {
            using var stream = await response.Content.ReadAsStreamAsync();
            var rows = MiniExcelLibs.MiniExcel.Query(stream).Cast<IDictionary<string, object?>>();
            return string.Join('\n', rows.Select(r => string.Join('"', r.Values.Select(v => $"\"{v}\""))));
        }
        return await response.Content.ReadAsStringAsync();
    }
}
