using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using static ModScope.Web.Tests.TeamRequests;

namespace ModScope.Web.Tests;

/// <summary>
/// SQL metacharacters in every parameter (query, path and request body) of every OpenAPI endpoint, sent by a
/// SEA-scoped caller to a dashboard on either engine (the ClickHouse tests link this file): an answer fails when it is
/// a 500 or a success that names a market outside SEA. Sign-in is left out (its PBKDF2 work per try would cost minutes;
/// the Web tests' FuzzTests send it every payload); changes go to an alert that does not exist, so nothing stored changes.
/// </summary>
internal static class ScopedFuzz
{
    private const long NoAlert = 987654321;

    /// <summary>Quotes, comments, statement ends, escapes, unicode quotes and LIKE patterns, alone and after a SEA market.</summary>
    private static readonly string[] Payloads =
    [
        "'", "''", "\"", "--", ";", "; --", "/*", "*/", "\\", "\\'", "’", "‘", "“", "”", "%", "_", "%_%",
        "ID' OR '1'='1", "ID'; DROP TABLE decisions; --", "ID\\' OR 1=1 --", "ID’ OR ’1’=’1", "ID/* */", "ID--", "ID%", "I_",
    ];

    /// <summary>Sends every payload in every parameter as <paramref name="auth"/>; how many were sent, how many refused with 400, and the failures.</summary>
    public static async Task<(int Sent, int Refused, List<string> Failures)> RunAsync(HttpClient client, AuthenticationHeaderValue auth)
    {
        var document = JsonNode.Parse(await Text(await Send(client, "get", "/openapi/v1.json", auth)))!;
        var others = OtherMarkets();
        var failures = new List<string>();
        var (sent, refused) = (0, 0);

        foreach (var (path, operations) in document["paths"]!.AsObject().Where(p => p.Key != "/api/session/signin"))
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var names = (operation!["parameters"]?.AsArray() ?? []).Select(p => (Name: p!["name"]!.GetValue<string>(), In: p["in"]!.GetValue<string>())).ToList();
                var body = method == "post" ? BodyProperties(document, operation) : [];
                foreach (var payload in Payloads)
                {
                    var urls = names.SelectMany(n => n.Name == "filter" ? [(n, payload), (n, "market=" + payload)] : new[] { (n, payload) })
                        .Select(f => (Url(path, f.n.In == "path" ? f.Item2 : NoAlert.ToString(CultureInfo.InvariantCulture), names, f.n.In == "query" ? f : null), (string?)null))
                        .Concat(body.Select(p => (Url(path, NoAlert.ToString(CultureInfo.InvariantCulture), names, null), (string?)new JsonObject { [p] = payload }.ToJsonString())));
                    foreach (var (url, json) in urls)
                    {
                        using var response = await Send(client, method, url, auth, json ?? (method == "post" ? "{}" : null));
                        sent++;
                        var status = (int)response.StatusCode;
                        refused += status == 400 ? 1 : 0;
                        var text = await Text(response);
                        if (status >= 500 || (status is >= 200 and < 300 && others.FirstOrDefault(o => o.Pattern.IsMatch(text)) is { Code: { } code }))
                        {
                            failures.Add($"{method.ToUpperInvariant()} {url} {json} → {status}{(status < 500 ? " names a market outside SEA" : "")}: {text[..Math.Min(200, text.Length)]}");
                        }
                    }
                }
            }
        }
        return (sent, refused, failures);
    }

    /// <summary>The endpoint's URL with working values for what it needs (a metric) and <paramref name="fuzzed"/> set to its payload.</summary>
    private static string Url(string path, string id, List<(string Name, string In)> names, ((string Name, string In) Parameter, string Payload)? fuzzed)
    {
        var pairs = new List<string>();
        if (names.Any(n => n.Name == "metric") && fuzzed?.Parameter.Name != "metric")
        {
            pairs.Add("metric=decision_volume");
        }
        if (fuzzed is { } f)
        {
            pairs.Add($"{f.Parameter.Name}={Uri.EscapeDataString(f.Payload)}");
        }
        return path.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal) + (pairs.Count > 0 ? "?" + string.Join('&', pairs) : "");
    }

    private static List<string> BodyProperties(JsonNode document, JsonNode operation)
    {
        var reference = operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
        return reference is null ? [] : document["components"]!["schemas"]![reference.Split('/').Last()]!["properties"]!.AsObject().Select(p => p.Key).ToList();
    }
}
