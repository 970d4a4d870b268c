using System.Net;
using Microsoft.AspNetCore.Builder;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace ModScope.Web.Tests;

/// <summary>
/// Every parameter the OpenAPI document lists (query, path and request-body properties), sent each payload of
/// <see cref="FuzzPayloads"/> with the others at working values: the answer is never a 500. Analyst-only endpoints are
/// sent the analyst token and an alert id that does not exist, so nothing stored changes. Over loopback HTTP to
/// Kestrel, so every payload also meets the real request parser.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class FuzzTests(DashboardStore store, ITestOutputHelper output) : IAsyncLifetime
{
    private const long NoAlert = 987654321;

    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = DashboardApp.Build(["--ModScope:Limits:AuthenticationPermits=1000000", "--ModScope:Limits:ExpensiveQueue=1000"],
            store.Options, ["http://127.0.0.1:0"]);
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task No_payload_in_any_parameter_gives_a_500()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardStore.AnalystToken);
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var alert = JsonDocument.Parse(await client.GetStringAsync("/api/alerts")).RootElement.EnumerateArray().First().GetProperty("id").GetInt64();
        var failures = new List<string>();
        var sent = 0;
        var parameters = 0;

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var post = method == "post";
                var names = (operation!["parameters"]?.AsArray() ?? []).Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>())).ToList();
                var body = BodyProperties(document, operation);
                parameters += names.Count + body.Count;
                foreach (var payload in FuzzPayloads.All)
                {
                    foreach (var (name, place) in names)
                    {
                        var id = place == "path" ? payload : (post ? NoAlert : alert).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        var query = place == "query" ? Query(names, name, payload) : Query(names, null, null);
                        await Send(client, method, Url(path, id, query), post ? Body(path, null, null) : null, failures);
                        sent++;
                        if (name == "filter")
                        {
                            // Also as the value of a well-formed filter, so it reaches the SQL as a parameter.
                            await Send(client, method, Url(path, id, Query(names, name, "market=" + payload)), null, failures);
                            sent++;
                        }
                    }
                    foreach (var property in body)
                    {
                        await Send(client, method, Url(path, NoAlert.ToString(System.Globalization.CultureInfo.InvariantCulture), ""), Body(path, property, payload), failures);
                        sent++;
                    }
                    if (post)
                    {
                        await Send(client, method, Url(path, NoAlert.ToString(System.Globalization.CultureInfo.InvariantCulture), ""), payload, failures);
                        sent++;
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests over {parameters} parameters, {FuzzPayloads.All.Count} payloads");
        Assert.True(parameters >= 60, $"only {parameters} parameters in the OpenAPI document");
        Assert.True(failures.Count == 0, $"{failures.Count} answers were 500:\n{string.Join("\n", failures.Take(30))}");
    }

    private static async Task Send(HttpClient client, string method, string url, string? body, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{method.ToUpperInvariant()} {url} {body} → {(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}");
        }
    }

    /// <summary>Working values for what every query endpoint needs, and the one parameter fuzzed.</summary>
    private static string Query(List<(string Name, string In)> names, string? fuzzed, string? payload)
    {
        var pairs = new List<string>();
        if (names.Any(n => n.Name == "metric") && fuzzed != "metric")
        {
            pairs.Add("metric=decision_volume");
        }
        if (fuzzed is not null)
        {
            pairs.Add($"{fuzzed}={Uri.EscapeDataString(payload!)}");
        }
        return string.Join('&', pairs);
    }

    private static string Url(string path, string id, string query) =>
        path.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal) + (query.Length > 0 ? "?" + query : "");

    /// <summary>A working body for the endpoint with one property set to the payload.</summary>
    private static string Body(string path, string? property, string? payload)
    {
        var body = path.EndsWith("/label", StringComparison.Ordinal)
            ? new JsonObject { ["label"] = "expected" }
            : new JsonObject { ["status"] = "snoozed", ["until"] = "2026-12-31" };
        if (property is not null)
        {
            body[property] = payload;
        }
        return body.ToJsonString();
    }

    private static List<string> BodyProperties(JsonNode document, JsonNode operation)
    {
        var reference = operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
        if (reference is null)
        {
            return [];
        }
        var schema = document["components"]!["schemas"]![reference.Split('/').Last()]!;
        return schema["properties"]!.AsObject().Select(p => p.Key).ToList();
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

}
