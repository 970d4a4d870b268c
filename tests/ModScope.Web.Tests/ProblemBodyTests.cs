using System.Net;
using System.Text.Json;

namespace ModScope.Web.Tests;

/// <summary>
/// A refused request's problem body carries its facts beside the English <c>detail</c>: <c>parameter</c>, <c>kind</c>,
/// <c>value</c> (as sent), <c>subject</c> and <c>accepted</c>, so the pages word it in their own language. The expected
/// values are written by hand from the request and the shipped reference data (reference/markets.csv).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ProblemBodyTests(DashboardStore store) : ApiTestBase(store)
{
    private async Task<JsonElement> Problem(string url, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>The problem's facts: <paramref name="parameter"/> (none on a 404), kind, value as sent, and subject.</summary>
    private static void AssertFacts(JsonElement problem, string? parameter, string kind, string value, string subject)
    {
        Assert.Equal(parameter, problem.TryGetProperty("parameter", out var p) ? p.GetString() : null);
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetString());
        Assert.Equal(subject, problem.GetProperty("subject").GetString());
    }

    private static string[] Accepted(JsonElement problem) =>
        [.. problem.GetProperty("accepted").EnumerateArray().Select(a => a.GetString()!)];

    [Theory]
    [InlineData("/api/query?metric=qa_accuracy&filter=market=XX")]
    [InlineData("/api/overview?filter=market=US,XX")]
    public async Task An_unknown_market_in_a_filter_names_the_value_and_the_known_markets(string url)
    {
        var problem = await Problem(url);

        AssertFacts(problem, "filter", "unknown-value", "XX", "market");
        Assert.Equal(["AE", "BR", "DE", "ES", "FR", "GB", "ID", "IE", "IT", "JP", "MX", "MY", "PH", "SA", "SG", "TH", "US", "VN"], Accepted(problem));
        // The English detail stays for API users and the CLI.
        Assert.Contains("Unknown market 'XX'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/query?metric=qa_acuracy", "metric", "qa_acuracy", "metric", "qa_accuracy")]
    [InlineData("/api/query?metric=qa_accuracy&by=markt", "by", "markt", "dimension", "market")]
    [InlineData("/api/query?metric=qa_accuracy&filter=markt=US", "filter", "markt", "dimension", "market")]
    public async Task An_unknown_metric_or_dimension_suggests_the_closest_name(string url, string parameter, string value, string subject, string suggested)
    {
        var problem = await Problem(url);

        AssertFacts(problem, parameter, "unknown-value", value, subject);
        Assert.Equal([suggested], problem.GetProperty("suggested").EnumerateArray().Select(s => s.GetString()!));
    }

    [Fact]
    public async Task A_filter_on_a_dimension_the_metric_lacks_is_refused_on_filter_naming_the_dimensions_it_has()
    {
        // Utilisation is read from staffing rows, which carry no policy: the planner refuses the filter, not the metric.
        var problem = await Problem("/api/query?metric=utilisation&filter=policy=counterfeit");

        AssertFacts(problem, "filter", "not-allowed", "policy", "dimension");
        Assert.Contains("market", Accepted(problem));
        Assert.DoesNotContain("policy", Accepted(problem));
    }

    [Fact]
    public async Task A_dimension_named_twice_is_refused_on_by_naming_it()
    {
        var problem = await Problem("/api/query?metric=qa_accuracy&by=market,market");

        AssertFacts(problem, "by", "not-allowed", "market", "repeated dimension");
    }

    [Fact]
    public async Task A_report_of_days_without_decisions_says_so_and_where_the_data_ends()
    {
        // January 2025 lies before the generated days (from GeneratorOptions.DefaultStart, 2026); the newest decision day
        // is the last generated one, the day before DashboardStore.DataEnd.
        var problem = await Problem("/api/report?period=2025-01&audience=exec&lang=zh-Hans&format=html");

        AssertFacts(problem, "period", "out-of-range", "2025-01-01..2025-01-31", "decisions");
        Assert.Equal([DateOnly.FromDateTime(Store.DataEnd).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], Accepted(problem));
    }

    [Fact]
    public async Task A_bad_grain_names_the_grains_accepted()
    {
        var problem = await Problem("/api/query?metric=qa_accuracy&grain=weekly");

        AssertFacts(problem, "grain", "unknown-value", "weekly", "grain");
        Assert.Equal(["none", "hour", "day", "week", "month", "quarter"], Accepted(problem));
    }

    [Theory]
    [InlineData("2026-W60", "bad-format")]
    [InlineData("yesteryear", "bad-format")]
    [InlineData("0001-01-01..0001-01-03", "out-of-range")]
    public async Task A_bad_period_says_whether_it_cannot_be_read_or_lies_outside_the_calendar(string period, string kind)
    {
        var problem = await Problem($"/api/query?metric=qa_accuracy&period={period}");

        AssertFacts(problem, "period", kind, period, "period");
        if (kind == "out-of-range")
        {
            Assert.Equal(["1900-01-01..2199-12-31"], Accepted(problem));
        }
    }

    [Fact]
    public async Task A_day_that_is_not_one_names_the_form_to_write()
    {
        var problem = await Problem("/api/health?asOf=2026-13-01");

        AssertFacts(problem, "asOf", "bad-format", "2026-13-01", "day");
        Assert.Equal(["yyyy-MM-dd"], Accepted(problem));
    }

    [Fact]
    public async Task An_unknown_alert_is_a_404_naming_the_alert_asked_for()
    {
        var id = (long)Scalar("SELECT max(alert_id) + 1000 FROM alerts");

        var problem = await Problem($"/api/alerts/{id}", HttpStatusCode.NotFound);

        AssertFacts(problem, null, "unknown-value", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "alert");
    }

    [Fact]
    public async Task A_status_the_alert_list_does_not_know_names_the_statuses()
    {
        var problem = await Problem("/api/alerts?status=opened");

        AssertFacts(problem, "status", "unknown-value", "opened", "status");
        Assert.Contains("open", Accepted(problem));
        Assert.Contains("acknowledged", Accepted(problem));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task The_pages_labels_word_every_kind_the_api_sends(string lang)
    {
        var labels = (await GetJson($"/api/labels?lang={lang}")).EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.All(Enum.GetValues<ModScope.Common.ProblemKind>(), kind =>
        {
            var name = ModScope.Common.ProblemReason.Name(kind);
            Assert.Contains($"problem.{name}", labels);
            Assert.Contains($"problem.{name}.noValue", labels);
            Assert.Contains($"problem.{name}.accepted", labels);
        });
        Assert.Contains("problem.parameter", labels);
        Assert.Contains("problem.suggested", labels);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public async Task Every_subject_a_refusal_names_in_the_source_is_worded_in_the_pages_language(string lang)
    {
        // The subjects written as literals at the throw sites (ProblemReason.Unknown("grain", …), Subject: "label",
        // new(ProblemKind.NotAllowed, id, "dimension")): each is a label problem.subject.*, a catalogue dimension the
        // page names from /api/catalog, or has a sentence of its own (problem.<kind>.<subject>), never shown as English.
        var labels = (await GetJson($"/api/labels?lang={lang}")).EnumerateObject().Select(p => p.Name).ToHashSet();
        var dimensions = (await GetJson($"/api/catalog?lang={lang}")).GetProperty("dimensions").EnumerateArray()
            .Select(d => d.GetProperty("id").GetString()!).ToHashSet();
        var literal = new System.Text.RegularExpressions.Regex(
            @"ProblemReason\.(?:Unknown|Format|Range)\(""(?<s>[^""]+)""|Subject: ""(?<s>[^""]+)""|new\(ProblemKind\.\w+, [^,()]+, ""(?<s>[^""]+)""");
        var subjects = Directory.EnumerateFiles(Path.Combine(BazaarDashboard.Repo(), "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => literal.Matches(File.ReadAllText(f)).Select(m => m.Groups["s"].Value))
            .ToHashSet();

        Assert.True(subjects.Count >= 20, $"the scan found {subjects.Count} subjects: {string.Join(", ", subjects)}");
        Assert.All(subjects, subject => Assert.True(
            labels.Contains($"problem.subject.{subject}") || dimensions.Contains(subject) || labels.Any(l => l.StartsWith("problem.", StringComparison.Ordinal) && l.EndsWith($".{subject}", StringComparison.Ordinal)),
            $"'{subject}' has no words in {lang}"));
    }
}
