using System.Net;

namespace ModScope.Web.Tests;

/// <summary>/api/health, /api/catalog, /api/labels, /openapi and the pages.</summary>
[Collection(DashboardCollection.Name)]
public sealed class HealthAndCatalogApiTests(DashboardStore store) : ApiTestBase(store)
{
    [Fact]
    public async Task Health_lists_every_site_the_quarantine_by_rule_and_every_load()
    {
        var health = await GetJson("/api/health");

        Assert.Equal(Scalar("SELECT count(DISTINCT site) FROM decisions WHERE site IS NOT NULL"), health.GetProperty("sites").GetArrayLength());
        var newest = health.GetProperty("sites").EnumerateArray().Max(s => s.GetProperty("newestDecision").GetDateTime());
        Assert.Equal(Scalar("SELECT epoch(max(decided_at)) FROM decisions WHERE site IS NOT NULL"), (newest - DateTime.UnixEpoch).TotalSeconds, 3);
        Assert.Equal(Scalar("SELECT count(*) FROM loads"), health.GetProperty("loads").GetArrayLength());
        var quarantine = health.GetProperty("quarantine").EnumerateArray().ToList();
        Assert.Equal(Scalar("SELECT count(*) FROM quarantine WHERE status = 'rejected'"), quarantine.Sum(q => q.GetProperty("rows").GetDouble()));
        Assert.Equal(Scalar("SELECT count(DISTINCT (table_name, rule)) FROM quarantine WHERE status = 'rejected'"), quarantine.Count);
        Assert.All(quarantine, q => Assert.InRange(q.GetProperty("samples").GetArrayLength(), 1, 3));
        Assert.Equal(4, health.GetProperty("sources").GetArrayLength());
    }

    [Theory]
    [InlineData("en", "decisions", "QA audits", "{0} '{1}' was already loaded")]
    [InlineData("zh-Hans", "决策", "质检审核", "{0}“{1}”已经加载过")]
    public async Task Health_names_tables_and_rules_and_words_each_reason_in_the_chosen_language(string lang, string decisions, string audits, string duplicate)
    {
        var health = await GetJson($"/api/health?lang={lang}");
        var names = new Dictionary<string, string> { ["decisions"] = decisions, ["qa_audits"] = audits };
        var sources = health.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!, s => s.GetProperty("sourceName").GetString());
        Assert.Equal(decisions, sources["decisions"]);
        Assert.Equal(audits, sources["qa_audits"]);

        var reasons = health.GetProperty("quarantine").EnumerateArray().ToList();
        Assert.NotEmpty(reasons);
        var worded = 0;
        foreach (var reason in reasons)
        {
            var (table, rule) = (reason.GetProperty("table").GetString()!, reason.GetProperty("rule").GetString()!);
            if (names.TryGetValue(table, out var name))
            {
                Assert.Equal(name, reason.GetProperty("tableName").GetString());
            }
            Assert.NotEqual(rule, reason.GetProperty("ruleName").GetString());
            foreach (var sample in reason.GetProperty("samples").EnumerateArray().Where(_ => rule == "duplicate_id"))
            {
                // The stored English names the key and its value: "decision_id 'd-1' was already loaded from a.csv line 4",
                // or "duplicate decision_id 'd-1' (first on line 4 of a.csv)".
                var stored = System.Text.RegularExpressions.Regex.Match(sample.GetProperty("message").GetString()!, @"^(?:duplicate )?(\S+) '(.+?)' ");
                Assert.True(stored.Success, sample.GetProperty("message").GetString());
                Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, duplicate, stored.Groups[1].Value, stored.Groups[2].Value),
                    sample.GetProperty("reason").GetString());
                worded++;
            }
        }
        Assert.True(worded > 0, "the test store has duplicates in quarantine");
    }

    [Fact]
    public async Task The_catalog_names_every_metric_in_the_chosen_language()
    {
        var zh = await GetJson("/api/catalog?lang=zh-Hans");
        var metrics = zh.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal(Store.Catalog.Metrics.Select(m => m.Name.ZhHans), metrics.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(Store.DataEnd.AddDays(-1), zh.GetProperty("dataEnd").GetDateTime());
    }

    [Fact]
    public async Task The_catalog_names_each_region_from_the_reference_data_in_the_chosen_language()
    {
        var zh = (await GetJson("/api/catalog?lang=zh-Hans")).GetProperty("regions").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("name").GetString());
        var en = (await GetJson("/api/catalog?lang=en")).GetProperty("regions").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("name").GetString());

        // reference/regions.csv: SEA is Southeast Asia, 东南亚; MENA the Middle East and North Africa, 中东和北非.
        Assert.Equal("东南亚", zh["SEA"]);
        Assert.Equal("Southeast Asia", en["SEA"]);
        Assert.Equal("中东和北非", zh["MENA"]);
    }

    [Theory]
    [InlineData("en", "ID Pre-listing review", "Prohibited goods", "Kuala Lumpur (Alpha)")]
    [InlineData("zh-Hans", "ID 商品上架前审核", "禁售商品", "吉隆坡（Alpha）")]
    public async Task The_catalog_names_each_queue_policy_and_site_from_the_reference_data(string lang, string queue, string policy, string site)
    {
        var catalog = await GetJson($"/api/catalog?lang={lang}");
        string Name(string list, string id) => catalog.GetProperty(list).EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("name").GetString()!;

        // reference/queues.csv, policies.csv and sites.csv (a site's name, or its name_zh in Chinese).
        Assert.Equal(queue, Name("queues", "ID-prelisting"));
        Assert.Equal(policy, Name("policies", "prohibited_goods"));
        Assert.Equal(site, Name("sites", "KUL-ALPHA"));
    }

    [Fact]
    public async Task Both_languages_have_the_same_labels_and_chinese_ones_are_translated()
    {
        var en = (await GetJson("/api/labels?lang=en")).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        var zh = (await GetJson("/api/labels?lang=zh-Hans")).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(en.Keys.Order(), zh.Keys.Order());
        Assert.Equal("总览", zh["nav.overview"]);
        Assert.True(en.Count(p => p.Value != zh[p.Key]) > en.Count * 3 / 4, "most labels differ between the languages");
    }

    [Fact]
    public async Task OpenApi_describes_the_api()
    {
        var document = await GetJson("/openapi");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/query", paths);
        Assert.Contains("/api/overview", paths);
        Assert.Contains("/api/alerts/{id}/status", paths);
        var query = document.GetProperty("paths").GetProperty("/api/query").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("metric", query);
        Assert.Contains("period", query);
    }

    [Theory]
    [InlineData("/", "/js/overview.js")]
    [InlineData("/explorer", "/js/explorer.js")]
    [InlineData("/alerts", "/js/alerts.js")]
    [InlineData("/health", "/js/health.js")]
    [InlineData("/reports", "/js/reports.js")]
    [InlineData("/js/app.js", "/api/labels")]
    [InlineData("/lib/echarts/echarts.min.js", "echarts")]
    public async Task Pages_and_their_scripts_are_served_from_the_app_itself(string path, string mention)
    {
        using var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(mention, text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://cdn", text, StringComparison.Ordinal);
    }
}
