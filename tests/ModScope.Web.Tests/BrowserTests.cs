using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace ModScope.Web.Tests;

/// <summary>
/// The dashboard in Debian's chromium on a real loopback server: language switch, a filtered tile against the API,
/// a two-level drill-down, acknowledging and labelling an alert, a CSV export, a report downloaded and previewed, every page under
/// the content security policy without a violation, and a screenshot of each page.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class BrowserTests(DashboardStore store, BrowserHost host) : BrowserTestBase(host)
{
    private static readonly PageRunAndWaitForDownloadOptions ReportDownload = new() { Timeout = 120_000 };
    private HttpClient _api = null!;

    protected override Task<DashboardOptions> OptionsAsync() => Task.FromResult(store.Options);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _api = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public override async Task DisposeAsync()
    {
        _api.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_overview_switches_to_chinese_and_a_market_tile_shows_what_the_api_answers()
    {
        // Each step waits for the page's state, up to a minute (a loaded machine answers the overview slowly); a quiet one
        // meets it at once, so the test is no slower there.
        var state = new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 };
        await Page.GotoAsync(Url + "/?lang=en");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Core index", state);
        await Assertions.Expect(Page.Locator(".tile")).ToHaveCountAsync(9, new() { Timeout = 60_000 });

        await Page.SelectOptionAsync("#lang-switch", "zh-Hans");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("核心指标", state);
        await Assertions.Expect(Page.Locator("header nav a").First).ToHaveTextAsync("总览", state);
        await Assertions.Expect(Page.Locator("#apply")).ToHaveTextAsync("应用", state);
        // The period box says the named period in Chinese; the URL (and the API) keep the value the API reads.
        await Assertions.Expect(Page.Locator("#period")).ToHaveValueAsync("上一个完整周", new() { Timeout = 60_000 });

        await Page.SelectOptionAsync("#market", "GB");
        await Page.ClickAsync("#apply");
        await Page.WaitForURLAsync(u => u.Contains("market=GB", StringComparison.Ordinal));
        Assert.Equal("last full week", System.Web.HttpUtility.ParseQueryString(new Uri(Page.Url).Query)["period"]);
        var tile = Page.Locator(".tile[data-metric='qa_accuracy']");
        var api = await _api.GetFromJsonAsync<JsonElement>("/api/overview?lang=zh-Hans&filter=market=GB");
        var expected = api.GetProperty("tiles").EnumerateArray().Single(t => t.GetProperty("metric").GetString() == "qa_accuracy");
        await Assertions.Expect(tile.Locator(".value")).ToHaveTextAsync(expected.GetProperty("current").GetProperty("formatted").GetString()!, state);
        await Assertions.Expect(tile.Locator(".name")).ToContainTextAsync(store.Catalog.Metric("qa_accuracy").Name.ZhHans, new() { Timeout = 60_000 });
        await ScreenshotAsync("overview-zh-GB.png");

        // Four weeks against four weeks reaching before the store's first day: the decisions tile says why it shows no change.
        await Page.GotoAsync(Url + "/?lang=zh-Hans&period=last%204%20weeks");
        await Assertions.Expect(Page.Locator(".tile[data-metric='decision_volume'] .coverage")).ToContainTextAsync("不作比较：上一周期 28 天中仅有", new() { Timeout = 60_000 });
    }

    [Theory]
    [InlineData("en", "Target met|Target missed|At risk", "complete through", "Choose a label", "Target: ", "95% interval: ", "Open alerts: ", " (UTC)", "First seen: ",
        "Bad parameter 'filter': unknown market 'XX'; use one of AE, BR, ")]
    [InlineData("zh-Hans", "已达标|未达标|存在风险", "完整至", "请选择标签", "目标：", "95% 置信区间：", "未关闭告警：", "（UTC）", "首次发现：",
        "参数“filter”有误：未知的市场“XX”；可用：AE、BR、")]
    public async Task First_use_pages_show_target_standing_freshness_the_working_filter_syntax_and_an_empty_label_choice(
        string lang, string standings, string through, string choose, string target, string interval, string open, string zone, string firstSeen, string unknownMarket)
    {
        await Page.GotoAsync(Url + $"/?lang={lang}");
        var status = Page.Locator(".tile[data-metric='qa_accuracy'] .target-status");
        // The first overview of a new server is computed on request: on a loaded machine, more time than a page's default.
        await Assertions.Expect(status).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^({standings})"), new() { Timeout = 60_000 });
        var answer = await _api.GetFromJsonAsync<JsonElement>($"/api/overview?lang={lang}");
        await Assertions.Expect(Page.Locator("#data-through")).ToContainTextAsync(through);
        await Assertions.Expect(Page.Locator("#data-through")).ToContainTextAsync(answer.GetProperty("dataThroughText").GetString()!);
        await Assertions.Expect(Page.Locator("#data-through")).ToContainTextAsync(answer.GetProperty("dataCompleteThroughText").GetString()!);
        // "Label: value" in the page's punctuation: full-width colon and brackets in zh-Hans (目标：95.00%, （UTC）), not ": ".
        var tileText = Page.Locator(".tile[data-metric='qa_accuracy']");
        await Assertions.Expect(tileText).ToContainTextAsync(target);
        await Assertions.Expect(tileText.Locator(".interval")).ToContainTextAsync(interval);
        await Assertions.Expect(Page.Locator("#open-alerts")).ToContainTextAsync(open);
        await Assertions.Expect(Page.Locator("#period-text")).ToContainTextAsync(zone);
        await ScreenshotAsync($"overview-status-{lang}.png");

        // The placeholder shows the syntax the explorer splits on (';' between filters, ',' between values).
        await Page.GotoAsync(Url + $"/explorer?lang={lang}&metric=decision_volume&by=market");
        // The page's script sets it once its labels arrive: wait for it rather than read it at once.
        await Assertions.Expect(Page.Locator("#filter")).ToHaveAttributeAsync("placeholder", "market=US,GB; queue!=US-prelisting");

        // An error clears the last answer: no stale summary under the message.
        await Assertions.Expect(Page.Locator("#summary")).Not.ToBeEmptyAsync();
        await Page.FillAsync("#filter", "market=XX");
        await Page.ClickAsync("#run");
        // The refusal is worded in the page's language from the problem's facts, not the API's English detail.
        var error = Page.Locator("#explorer-error .error");
        await Assertions.Expect(error).ToContainTextAsync(unknownMarket);
        await Assertions.Expect(error).ToContainTextAsync(lang == "en" ? "VN." : "VN。");
        if (lang != "en")
        {
            foreach (var english in new[] { "Bad parameter", "Unknown", "unknown", "in the filter", "Something went wrong", "use one of" })
            {
                await Assertions.Expect(error).Not.ToContainTextAsync(english);
            }
        }
        await Assertions.Expect(Page.Locator("#summary")).ToBeEmptyAsync();
        // Where the user looks: right under the controls, with no breadcrumb of the refused filter, chart box or table.
        var controls = (await Page.Locator("#explorer-controls").BoundingBoxAsync())!;
        var shownAt = (await error.BoundingBoxAsync())!;
        Assert.InRange(shownAt.Y - (controls.Y + controls.Height), 0, 40);
        await Assertions.Expect(Page.Locator("#breadcrumb")).ToBeEmptyAsync();
        await Assertions.Expect(Page.Locator("#chart")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#table")).ToBeEmptyAsync();
        await ScreenshotAsync($"explorer-unknown-market-{lang}.png");

        // A good request after it shows its chart again.
        await Page.FillAsync("#filter", "market=US");
        await Page.ClickAsync("#run");
        await Assertions.Expect(Page.Locator("#summary")).Not.ToBeEmptyAsync();
        await Assertions.Expect(Page.Locator("#chart")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#explorer-error")).ToBeEmptyAsync();

        var alerts = await _api.GetFromJsonAsync<JsonElement>("/api/alerts?kind=metric");
        var unlabelled = alerts.EnumerateArray().First(a => a.GetProperty("label").ValueKind == JsonValueKind.Null).GetProperty("id").GetInt64();
        await Page.GotoAsync(Url + $"/alerts?lang={lang}&id={unlabelled}");
        await Assertions.Expect(Page.Locator("#label-choice option:checked")).ToHaveTextAsync(choose);
        await Assertions.Expect(Page.Locator("#alert-times")).ToContainTextAsync(firstSeen);
        await Assertions.Expect(Page.Locator("#ack")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("en", "What changed:")]
    [InlineData("zh-Hans", "本期变化：")]
    public async Task The_overview_says_what_changed_and_its_tiles_and_alert_count_link_to_the_explorer_and_the_filtered_alerts(string lang, string label)
    {
        await Page.GotoAsync(Url + $"/?lang={lang}&region=SEA");
        var answer = await _api.GetFromJsonAsync<JsonElement>($"/api/overview?lang={lang}&filter=region=SEA");
        var changes = answer.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();
        await Assertions.Expect(Page.Locator("#what-changed strong")).ToHaveTextAsync(label);
        await Assertions.Expect(Page.Locator("#what-changed .change-line")).ToHaveCountAsync(changes.Count);
        if (changes.Count > 0)
        {
            await Assertions.Expect(Page.Locator("#what-changed .change-line").First).ToHaveTextAsync(changes[0]);
        }
        // The tile opens the explorer on its metric, the page's period and region.
        var href = await Page.Locator(".tile[data-metric='qa_accuracy'] a.tile-link").GetAttributeAsync("href");
        Assert.StartsWith("/explorer?", href, StringComparison.Ordinal);
        Assert.Contains("metric=qa_accuracy", href, StringComparison.Ordinal);
        Assert.Contains("filter=region%3DSEA", href, StringComparison.Ordinal);
        await ScreenshotAsync($"overview-changed-{lang}.png");

        // The open-alert count opens the alert list with the alerts it counted.
        await Page.ClickAsync("#open-alerts");
        await Page.WaitForURLAsync(u => u.Contains("status=open", StringComparison.Ordinal) && u.Contains("region=SEA", StringComparison.Ordinal));
        var open = answer.GetProperty("openAlerts").GetInt32();
        if (open == 0)
        {
            await Assertions.Expect(Page.Locator("#no-alerts")).ToBeVisibleAsync();
        }
        else
        {
            await Assertions.Expect(Page.Locator("#page-info")).ToContainTextAsync(open.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await Assertions.Expect(Page.Locator("#filter-region")).ToHaveValueAsync("SEA");
    }

    [Fact]
    public async Task A_read_only_dashboard_shows_no_alert_button_that_can_only_fail()
    {
        await using var app = DashboardApp.Build([], new ModScope.Web.DashboardOptions(store.Options.StorePath), ["http://127.0.0.1:0"]);
        await app.StartAsync();
        var id = (await _api.GetFromJsonAsync<JsonElement>("/api/alerts?kind=metric")).EnumerateArray().First().GetProperty("id").GetInt64();

        await Page.GotoAsync(app.Urls.First() + $"/alerts?lang=zh-Hans&id={id}");

        await Assertions.Expect(Page.Locator("#alert-status")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#ack, #resolve, #snooze, #save-label, #label-choice, #add-comment, #comment-text")).ToHaveCountAsync(0);
        // Its explanation, when it has one, names segments by their Chinese names, never as dimension=value.
        if (await Page.Locator("#explanation").CountAsync() > 0)
        {
            var causes = await Page.Locator("#explanation-causes, #explanation-within").AllInnerTextsAsync();
            Assert.DoesNotContain("=", string.Concat(causes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_explanation_table_sets_its_figure_headers_over_their_figures()
    {
        // The small store's alerts may have no explanation table: the page is given one (the alert's own answer with a
        // cause and a co-alerting segment added), so the layout is checked whatever the generated data hold.
        var id = (await _api.GetFromJsonAsync<JsonElement>("/api/alerts?kind=metric")).EnumerateArray().First().GetProperty("id").GetInt64();
        var detail = JsonNode.Parse(await _api.GetStringAsync($"/api/alerts/{id}?lang=zh-Hans"))!.AsObject();
        detail["explanationText"] = new JsonObject
        {
            ["summary"] = "摘要",
            ["causeHeaders"] = new JsonArray("根因", "占变化的比例", "现值", "此前"),
            ["causes"] = new JsonArray(new JsonArray("越南市场", "62%", "15.6小时", "7.3小时")),
            ["withinHeaders"] = new JsonArray("其中同样告警的细分", "现值", "预期", "得分"),
            ["within"] = new JsonArray(new JsonArray("人工审核、越南市场", "23.05小时", "7.42小时", "0.82")),
            ["mixRate"] = null,
        };
        await Page.RouteAsync($"**/api/alerts/{id}?*", route => route.FulfillAsync(new() { ContentType = "application/json", Body = detail.ToJsonString() }));

        await Page.GotoAsync(Url + $"/alerts?lang=zh-Hans&id={id}");

        var tables = Page.Locator("#explanation table");
        await Assertions.Expect(tables).ToHaveCountAsync(2);
        // Every column but the first holds figures, right-aligned: its header is aligned the same way.
        foreach (var table in await tables.AllAsync())
        {
            await Assertions.Expect(table.Locator("thead th")).ToHaveCountAsync(4);
            await Assertions.Expect(table.Locator("thead th.num")).ToHaveCountAsync(3);
            await Assertions.Expect(table.Locator("thead th").First).Not.ToHaveClassAsync("num");
        }
    }

    [Theory]
    [InlineData("en", "All", "Critical")]
    [InlineData("zh-Hans", "全部", "严重")]
    public async Task The_alerts_list_filters_pages_and_holds_suppressed_alerts_under_their_parent(string lang, string all, string critical)
    {
        var listed = await _api.GetFromJsonAsync<JsonElement>($"/api/alerts?lang={lang}");
        var (top, parents) = Grouped(listed);
        await Page.GotoAsync(Url + $"/alerts?lang={lang}");
        await Assertions.Expect(Page.Locator("#filter-status option").First).ToHaveTextAsync(all);
        // The filters laid out with space between them (each label beside its own control, not against the next one).
        await Assertions.Expect(Page.Locator("#alert-filters")).ToHaveCSSAsync("display", "flex");
        await Assertions.Expect(Page.Locator("#alert-table tbody tr")).ToHaveCountAsync(Math.Min(25, top.Count));
        await Assertions.Expect(Page.Locator("#page-info")).ToContainTextAsync(top.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // A suppressed alert whose parent is listed is not a row of its own: it is held under its parent.
        await Assertions.Expect(Page.Locator("#alert-table details.held")).ToHaveCountAsync(top.Take(25).Count(parents.Contains));
        if (lang == "zh-Hans")
        {
            Assert.DoesNotContain("market=", await Page.Locator("#alert-table").InnerTextAsync(), StringComparison.Ordinal);
        }

        await Page.SelectOptionAsync("#filter-severity", "critical");
        await Page.ClickAsync("#apply-filters");
        await Page.WaitForURLAsync(u => u.Contains("severity=critical", StringComparison.Ordinal));
        var (criticalTop, _) = Grouped(await _api.GetFromJsonAsync<JsonElement>("/api/alerts?severity=critical"));
        await Assertions.Expect(Page.Locator("#alert-table tbody tr")).ToHaveCountAsync(Math.Min(25, criticalTop.Count));
        foreach (var cell in await Page.Locator("#alert-table tbody tr td:nth-child(3)").AllAsync())
        {
            await Assertions.Expect(cell).ToHaveTextAsync(critical);
        }
        await ScreenshotAsync($"alerts-critical-{lang}.png");

        // A refused filter shows its message under the filters, where the user acted, and no stale list.
        await Page.GotoAsync(Url + $"/alerts?lang={lang}&market=XX");
        await Assertions.Expect(Page.Locator("#alert-list .error")).ToContainTextAsync("XX");
        await Assertions.Expect(Page.Locator("#alert-filters")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#alert-table")).ToHaveCountAsync(0);
    }

    /// <summary>The ids of the alerts listed as rows (in the API's order), and of those that hold a suppressed alert listed with them.</summary>
    private static (List<long> Top, HashSet<long> Parents) Grouped(JsonElement alerts)
    {
        var ids = alerts.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()).ToHashSet();
        long? Parent(JsonElement a) => a.GetProperty("status").GetString() == "suppressed" && a.GetProperty("suppressedBy") is { ValueKind: JsonValueKind.Number } p
            && ids.Contains(p.GetInt64()) ? p.GetInt64() : null;
        var parents = alerts.EnumerateArray().Select(Parent).OfType<long>().ToHashSet();
        var top = alerts.EnumerateArray().Where(a => Parent(a) is null).Select(a => a.GetProperty("id").GetInt64()).ToList();
        return (top, parents);
    }

    [Fact]
    public async Task The_explorer_drills_down_two_levels_keeps_the_state_in_the_url_and_exports_csv()
    {
        await Page.GotoAsync(Url + "/explorer?lang=en&metric=decision_volume&by=market&compare=previous");
        var rows = Page.Locator("#result-table tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        // Sort by value, descending, and drill into the biggest market, then its biggest queue.
        await Page.ClickAsync("#result-table th[data-key='value']");
        await Page.ClickAsync("#result-table th[data-key='value']");
        // A row shows its market by name with its code (the store's reference data), and keeps the code to drill on.
        var market = await rows.First.Locator("td [data-code]").GetAttributeAsync("data-code");
        var marketName = ModScope.Model.ReferenceData.Shipped.Markets.Last(m => m.Code == market).NameEn;
        await Assertions.Expect(rows.First.Locator("td").Nth(1)).ToHaveTextAsync($"{marketName} ({market})");
        await rows.First.ClickAsync();
        await Page.WaitForURLAsync(u => u.Contains("by=queue", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("#result-table th[data-key='queue']")).ToBeVisibleAsync();
        var queue = await rows.First.Locator("td [data-code]").GetAttributeAsync("data-code");
        var queueName = ModScope.Model.ReferenceData.Shipped.Queues.Last(q => q.QueueId == queue).NameEn;
        await Assertions.Expect(rows.First.Locator("td").Nth(1)).ToHaveTextAsync($"{queueName} ({queue})");
        await rows.First.ClickAsync();
        await Page.WaitForURLAsync(u => u.Contains("by=policy", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("#breadcrumb a")).ToHaveCountAsync(3);
        // The breadcrumb names what it filters on; its filters, like the URL's, keep the codes.
        await Assertions.Expect(Page.Locator($"#breadcrumb a[data-filter='market={market}']")).ToHaveTextAsync($"Market: {marketName} ({market})");
        await Assertions.Expect(Page.Locator($"#breadcrumb a[data-filter='queue={queue}']")).ToHaveTextAsync($"Queue: {queueName} ({queue})");
        Assert.Contains(Uri.EscapeDataString($"market={market}"), Page.Url, StringComparison.Ordinal);

        // The table shows what the API answers for the same state.
        var query = new Uri(Page.Url).Query;
        var api = await _api.GetFromJsonAsync<JsonElement>("/api/query" + query);
        await Assertions.Expect(rows).ToHaveCountAsync(api.GetProperty("rows").GetArrayLength());
        await ScreenshotAsync("explorer-drilled.png");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#export-csv"));
        var file = Path.Combine(BrowserHost.Screenshots, "explorer.csv");
        await download.SaveAsAsync(file);
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("metric,metric_name,bucket,policy,value", lines[0], StringComparison.Ordinal);
        Assert.Equal(api.GetProperty("rows").GetArrayLength() + 1, lines.Count);

        await Page.ClickAsync("#breadcrumb a[data-depth='1']");
        await Page.WaitForURLAsync(u => u.Contains("by=queue", StringComparison.Ordinal));
        await Assertions.Expect(Page.Locator("#breadcrumb a")).ToHaveCountAsync(2);
        await Page.ClickAsync("#show-sql");
        await Assertions.Expect(Page.Locator("#sql")).ToContainTextAsync("SELECT");
    }

    [Theory]
    [InlineData("en", "decisions", "QA audits", "duplicate", "' was already loaded")]
    [InlineData("zh-Hans", "决策", "质检审核", "重复行", "”已经加载过")]
    public async Task Data_health_names_its_tables_rules_and_reasons_in_the_pages_language(string lang, string decisions, string audits, string duplicate, string reason)
    {
        await Page.GotoAsync(Url + $"/health?lang={lang}");
        await Assertions.Expect(Page.Locator("#sources-table [data-code='decisions']")).ToHaveTextAsync(decisions);
        await Assertions.Expect(Page.Locator("#sources-table [data-code='qa_audits']")).ToHaveTextAsync(audits);
        var row = Page.Locator("#quarantine-table tbody tr").Filter(new() { Has = Page.Locator("td[data-code='duplicate_id']") }).First;
        await Assertions.Expect(row.Locator("td[data-code='duplicate_id']")).ToHaveTextAsync(duplicate);
        await Assertions.Expect(row.Locator("td").Nth(3).Locator("div").First).ToContainTextAsync(reason);
        // The count column's header sits over its right-aligned figures.
        await Assertions.Expect(Page.Locator("#quarantine-table thead th").Nth(2)).ToHaveClassAsync("num");
        await ScreenshotAsync($"health-{lang}.png");
    }

    [Theory]
    [InlineData("en", "decisions", "Target", "Previous period", "Indonesia (ID)")]
    [InlineData("zh-Hans", "决策数", "目标", "上一周期", "印度尼西亚 (ID)")]
    public async Task The_explorer_draws_each_unit_on_its_own_titled_axis_with_the_target_and_the_previous_period(
        string lang, string decisions, string target, string previous, string indonesia)
    {
        const string State = "metric=decision_volume&metric=qa_accuracy&by=market&grain=week&period=last%2028%20days&compare=previous&filter=market%3DID";
        await Page.GotoAsync(Url + $"/explorer?lang={lang}&{State}");
        await Assertions.Expect(Page.Locator("#result-table tbody tr").First).ToBeVisibleAsync();
        var option = await Page.EvaluateAsync<JsonElement>("""
            () => { const o = echarts.getInstanceByDom(document.getElementById('chart')).getOption();
              return { axes: o.yAxis.map(a => a.name), series: o.series.map(s => ({ name: s.name, axis: s.yAxisIndex ?? 0, data: s.data, line: s.lineStyle?.type ?? null })) }; }
            """);
        // Two units, two axes, titled in the page's language: decisions, and % for the share.
        Assert.Equal([decisions, "%"], option.GetProperty("axes").EnumerateArray().Select(a => a.GetString()));

        var api = await _api.GetFromJsonAsync<JsonElement>($"/api/query?lang={lang}&{State}");
        var qa = api.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("metric").GetString() == "qa_accuracy").ToList();
        var series = option.GetProperty("series").EnumerateArray().ToList();
        JsonElement Named(Func<string, bool> match) => series.Single(x => match(x.GetProperty("name").GetString()!));
        var name = store.Catalog.Metric("qa_accuracy").Name.In(lang);
        static double?[] Data(JsonElement s) => [.. s.GetProperty("data").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null)];

        // QA accuracy on the % axis, in percent.
        var values = Named(n => n == $"{name} · {indonesia}");
        Assert.Equal(1, values.GetProperty("axis").GetInt32());
        Assert.Equal(qa.Select(r => Math.Round(r.GetProperty("value").GetDouble() * 100, 4)), Data(values).Select(v => Math.Round(v!.Value, 4)));
        // Indonesia's own target (0.97 in targets-teams.csv, more specific than SEA's 0.96) as a dotted line at 97%.
        var goal = Named(n => n == $"{target} · {name} · {indonesia}");
        Assert.Equal("dotted", goal.GetProperty("line").GetString());
        Assert.All(Data(goal), v => Assert.Equal(97, v!.Value, 6));
        // The previous period, dashed, each week against the week it is compared with.
        var before = Named(n => n == $"{name} · {indonesia} · {previous}");
        Assert.Equal("dashed", before.GetProperty("line").GetString());
        Assert.Equal(qa.Select(r => r.GetProperty("comparisonValue").ValueKind == JsonValueKind.Number ? Math.Round(r.GetProperty("comparisonValue").GetDouble() * 100, 4) : (double?)null),
            Data(before).Select(v => v is { } x ? Math.Round(x, 4) : (double?)null));
        // No target for decision volume: nothing drawn for it.
        Assert.DoesNotContain(series, x => x.GetProperty("name").GetString()!.StartsWith($"{target} · {store.Catalog.Metric("decision_volume").Name.In(lang)}", StringComparison.Ordinal));
        await ScreenshotAsync($"explorer-units-{lang}.png");
    }

    [Fact]
    public async Task The_alert_chart_legend_names_what_is_drawn_and_its_band_stays_at_or_above_zero()
    {
        // An alert on a count or a rate (not kappa, which may be negative): its band must not reach below 0.
        var alerts = (await _api.GetFromJsonAsync<JsonElement>("/api/alerts?kind=metric")).EnumerateArray().ToList();
        var id = alerts.First(a => a.GetProperty("subject").GetString() != "qa_agreement_kappa").GetProperty("id").GetInt64();
        await Page.GotoAsync(Url + $"/alerts?lang=zh-Hans&id={id}");
        await Assertions.Expect(Page.Locator("#alert-chart canvas")).ToHaveCountAsync(1);
        var option = await Page.EvaluateAsync<JsonElement>("""
            () => { const o = echarts.getInstanceByDom(document.getElementById('alert-chart')).getOption();
              return { legend: o.legend[0].data.map(d => d.name ?? d), series: o.series.map(s => ({ name: s.name, data: s.data, areas: s.markArea?.data?.length ?? 0 })) }; }
            """);
        var drawn = option.GetProperty("series").EnumerateArray()
            .Where(s => s.GetProperty("name").GetString() != "lower")
            .Select(s => s.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal(drawn, option.GetProperty("legend").EnumerateArray().Select(l => l.GetString()).Order().ToList());
        Assert.Contains("告警日", drawn);
        var lower = option.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "lower");
        Assert.All(lower.GetProperty("data").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number), v => Assert.True(v.GetDouble() >= 0));
    }

    [Fact]
    public async Task An_analyst_acknowledges_an_alert_from_its_page()
    {
        var open = await _api.GetFromJsonAsync<JsonElement>("/api/alerts?status=new&kind=metric");
        var id = open.EnumerateArray().First().GetProperty("id").GetInt64();
        await Page.GotoAsync(Url + "/alerts?lang=en");
        await Assertions.Expect(Page.Locator("#alert-table tbody tr").First).ToBeVisibleAsync();
        await ScreenshotAsync("alerts.png");

        await Page.GotoAsync(Url + $"/alerts?lang=en&id={id}");
        await Assertions.Expect(Page.Locator("#alert-status")).ToHaveTextAsync("New");
        await Page.ClickAsync("#ack");
        await Assertions.Expect(Page.Locator("#action-message")).ToContainTextAsync("analyst role");
        await Page.FillAsync("#analyst-token", DashboardStore.AnalystToken);
        await Page.ClickAsync("#sign-in");
        await Page.ClickAsync("#ack");
        await Assertions.Expect(Page.Locator("#alert-status")).ToHaveTextAsync("Acknowledged");
        await Assertions.Expect(Page.Locator("#alert-days")).ToContainTextAsync("(UTC days)");
        await Page.SelectOptionAsync("#label-choice", "confirmed_incident");
        await Page.ClickAsync("#save-label");
        await Assertions.Expect(Page.Locator("#alert-label")).ToHaveTextAsync("Confirmed incident");
        await Assertions.Expect(Page.Locator("#alert-chart canvas")).ToHaveCountAsync(1);
        await ScreenshotAsync("alert-detail.png");

        var stored = await _api.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}");
        Assert.Equal("acknowledged", stored.GetProperty("alert").GetProperty("status").GetString());
        Assert.Equal("confirmed_incident", stored.GetProperty("alert").GetProperty("label").GetString());
    }

    [Fact]
    public async Task Data_health_lists_every_site_in_chinese()
    {
        var api = await _api.GetFromJsonAsync<JsonElement>("/api/health");
        await Page.GotoAsync(Url + "/health?lang=zh-Hans&tz=Asia/Shanghai");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("数据健康");
        await Assertions.Expect(Page.Locator("#sites-table tbody tr")).ToHaveCountAsync(api.GetProperty("sites").GetArrayLength());
        await Assertions.Expect(Page.Locator("#tz-switch")).ToHaveValueAsync("Asia/Shanghai");
        // Each site by its Chinese name (reference/sites.csv's name_zh), its id kept aside as the cell's data-code.
        var zh = SiteNames.Chinese();
        var named = 0;
        foreach (var cell in await Page.Locator("#sites-table tbody tr td:first-child span").AllAsync())
        {
            if (zh.TryGetValue((await cell.GetAttributeAsync("data-code"))!, out var name))
            {
                Assert.Equal(name, await cell.InnerTextAsync());
                named++;
            }
        }
        Assert.True(named > 0, "no shipped site on the data health page");
        // Open data-check alerts read in Chinese, as the API words them for the page's language.
        var checks = (await _api.GetFromJsonAsync<JsonElement>("/api/health?lang=zh-Hans")).GetProperty("checks");
        if (checks.GetArrayLength() > 0)
        {
            await Assertions.Expect(Page.Locator("#checks-table tbody tr")).ToHaveCountAsync(checks.GetArrayLength());
            Assert.Matches("[\\u4e00-\\u9fff]", checks[0].GetProperty("message").GetString()!);
        }
        else
        {
            await Assertions.Expect(Page.Locator("#content")).ToContainTextAsync("没有未关闭的数据检查告警");
        }
        await ScreenshotAsync("health-zh.png");
    }

    [Fact]
    public async Task The_reports_page_switches_to_chinese_downloads_an_html_report_and_previews_it()
    {
        await Page.GotoAsync(Url + "/reports?lang=en");
        await Assertions.Expect(Page.Locator("#generate")).ToHaveTextAsync("Generate");
        await Page.SelectOptionAsync("#lang-switch", "zh-Hans");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("业务复盘报告");
        await Assertions.Expect(Page.Locator("#generate")).ToHaveTextAsync("生成");
        await Assertions.Expect(Page.Locator("header nav a.active")).ToHaveTextAsync("报告");
        await Assertions.Expect(Page.Locator("#report-lang")).ToHaveValueAsync("zh-Hans");
        // 上周 in the box; the request still says last-week (the API refuses any other word, so the download below shows it).
        await Assertions.Expect(Page.Locator("#period")).ToHaveValueAsync("上周");

        await Page.SelectOptionAsync("#format", "html");
        // A report is built on request (story, charts, sized opportunities): allow more than the default 30 s on a busy machine.
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#generate"), ReportDownload);
        Assert.EndsWith("-zh-Hans.html", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Path.Combine(BrowserHost.Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var saved = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await File.ReadAllTextAsync(file));
        var title = saved.QuerySelector("h1")!.TextContent;

        // The preview shows the same report as the file, and the API answers the same request with the same facts.
        var preview = Page.FrameLocator("#report-preview");
        await Assertions.Expect(preview.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(preview.Locator("p.fact")).ToHaveCountAsync(saved.QuerySelectorAll("p.fact").Length);
        var html = await _api.GetStringAsync("/api/report?period=last-week&audience=exec&lang=zh-Hans&format=html");
        Assert.Equal(saved.QuerySelectorAll("p.fact").Select(p => p.TextContent),
            new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelectorAll("p.fact").Select(p => p.TextContent));
        await ScreenshotAsync("reports-zh.png");
    }

    [Fact]
    public async Task Every_page_runs_under_the_content_security_policy_without_a_violation()
    {
        var violations = await WatchPolicyViolationsAsync();

        var overview = await Page.GotoAsync(Url + "/?lang=en");
        Assert.Contains("script-src 'self'", await overview!.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
        // The first overview of a new server is computed on request: on a loaded machine, more time than a page's default.
        await Assertions.Expect(Page.Locator(".tile .spark svg")).ToHaveCountAsync(9, new() { Timeout = 60_000 });
        await Page.HoverAsync(".tile .spark");

        await Page.GotoAsync(Url + "/explorer?lang=en&metric=decision_volume&by=market&grain=day&period=last%2014%20days");
        await Assertions.Expect(Page.Locator("#result-table tbody tr").First).ToBeVisibleAsync();
        var chart = await Page.Locator("#chart").BoundingBoxAsync();
        await Page.Mouse.MoveAsync(chart!.X + chart.Width / 2, chart.Y + chart.Height / 2);
        // ECharts writes its tooltip with inline style attributes: allowed (style-src-attr), unlike inline script.
        await Page.WaitForTimeoutAsync(500);

        var open = await _api.GetFromJsonAsync<JsonElement>("/api/alerts?kind=metric");
        await Page.GotoAsync(Url + $"/alerts?lang=en&id={open.EnumerateArray().First().GetProperty("id").GetInt64()}");
        await Assertions.Expect(Page.Locator("#alert-chart canvas")).ToHaveCountAsync(1);
        await Page.GotoAsync(Url + "/health?lang=en");
        await Assertions.Expect(Page.Locator("#sites-table tbody tr").First).ToBeVisibleAsync();

        // The report preview (an iframe of the page) applies the report's own stylesheet under the page's policy.
        await Page.GotoAsync(Url + "/reports?lang=en");
        await Page.SelectOptionAsync("#format", "html");
        await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#generate"), ReportDownload);
        var heading = Page.FrameLocator("#report-preview").Locator("h2").First;
        await Assertions.Expect(heading).ToBeVisibleAsync();
        Assert.Equal("2px", await heading.EvaluateAsync<string>("h => getComputedStyle(h).borderBottomWidth"));
        await Assertions.Expect(Page.FrameLocator("#report-preview").Locator("figure img").First).ToBeVisibleAsync();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
