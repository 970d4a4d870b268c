using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Findings;
using ModScope.Tests.Support;
using static ModScope.Monitor.Findings.FindingFacts;

namespace ModScope.Tests.Monitor;

/// <summary>
/// Each kind of finding in English and Chinese. The expected sentences are written by hand from the templates' intent
/// (values in the metric's prose format: 0.912 → 91.2%; days ISO in English, 2026年11月12日 in Chinese), not printed by
/// the renderer; places come from the reference data (ID → Indonesia / 印度尼西亚市场, SEA → 东南亚).
/// </summary>
public sealed partial class FindingRendererTests
{
    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();
    private static readonly FindingRenderer English = new(Catalog, ReferenceData.Shipped, "en");
    private static readonly FindingRenderer Chinese = new(Catalog, ReferenceData.Shipped, "zh-Hans");

    private static FindingFacts MetricMove(string template, string segment, string first, string last, bool shift, (string En, string Zh)? calendarEvent)
    {
        var facts = new List<(string, FindingFact)>
        {
            ("metric", new(FactKind.Metric, Text: "qa_accuracy")), ("segment", new(FactKind.Segment, Text: segment)),
            ("value", new(FactKind.Value, 0.912, "qa_accuracy")), ("expected", new(FactKind.Value, 0.95, "qa_accuracy")),
            ("lower", new(FactKind.Value, 0.931, "qa_accuracy")), ("upper", new(FactKind.Value, 0.968, "qa_accuracy")),
            ("first", Day(DateOnly.Parse(first, CultureInfo.InvariantCulture))), ("last", Day(DateOnly.Parse(last, CultureInfo.InvariantCulture))),
            ("span", new(FactKind.Part, Text: first == last ? "span.day" : "span.days")),
            ("shift", new(FactKind.Part, Text: shift ? "shift" : "none")),
            ("during", new(FactKind.Part, Text: calendarEvent is null ? "none" : "during")),
        };
        if (calendarEvent is { } e)
        {
            facts.Add(("event", new(FactKind.Name, Text: e.En, TextZh: e.Zh)));
        }
        return Of(template, [.. facts]);
    }

    [Fact]
    public void A_metric_that_fell_in_a_market_during_an_event_reads_naturally_in_both_languages()
    {
        var facts = MetricMove("metric.fell", "market=ID", "2026-11-12", "2026-11-12", shift: true, ("Ramadan", "斋月"));

        Assert.Equal("QA accuracy for Indonesia fell to 91.2% (expected 95.0%, normal range 93.1%–96.8%) on 2026-11-12, a sustained shift, during Ramadan.",
            English.Render(facts, "stored"));
        Assert.Equal("印度尼西亚市场的质检准确率于2026年11月12日降至91.2%（预期95.0%，正常范围93.1%–96.8%），属持续性偏移，正值斋月期间。",
            Chinese.Render(facts, "stored"));
    }

    [Fact]
    public void A_normal_range_is_said_inside_the_values_the_metric_can_take()
    {
        // The monitor's band for a median turnaround reached -3.3 h; hours are never below 0, so the range starts at 0 h.
        var facts = FindingFacts.Of("metric.rose", ("metric", new FindingFact(FactKind.Metric, Text: "tat_p50_hours")), ("segment", new FindingFact(FactKind.Segment, Text: "market=VN")),
            ("value", new FindingFact(FactKind.Value, 24.9, "tat_p50_hours")), ("expected", new FindingFact(FactKind.Value, 7.8, "tat_p50_hours")),
            ("lower", new FindingFact(FactKind.Value, -3.3, "tat_p50_hours")), ("upper", new FindingFact(FactKind.Value, 18.9, "tat_p50_hours")),
            ("first", FindingFacts.Day(new DateOnly(2026, 9, 23))), ("last", FindingFacts.Day(new DateOnly(2026, 9, 30))),
            ("span", new FindingFact(FactKind.Part, Text: "span.days")), ("shift", new FindingFact(FactKind.Part, Text: "none")), ("during", new FindingFact(FactKind.Part, Text: "none")));

        Assert.Contains("(expected 7.8 h, normal range 0.0 h–18.9 h)", English.Render(facts, "stored"), StringComparison.Ordinal);
        Assert.Contains("（预期7.8小时，正常范围0.0小时–18.9小时）", Chinese.Render(facts, "stored"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_that_rose_over_days_in_the_total_and_in_a_region()
    {
        var total = MetricMove("metric.rose", "", "2026-11-10", "2026-11-12", shift: false, null);
        var region = MetricMove("metric.rose", "region=SEA", "2026-11-10", "2026-11-12", shift: false, null);

        Assert.Equal("QA accuracy for all decisions rose to 91.2% (expected 95.0%, normal range 93.1%–96.8%) from 2026-11-10 to 2026-11-12.",
            English.Render(total, "stored"));
        Assert.Equal("全部决策的质检准确率在2026年11月10日至2026年11月12日期间升至91.2%（预期95.0%，正常范围93.1%–96.8%）。",
            Chinese.Render(total, "stored"));
        Assert.Equal("QA accuracy for Southeast Asia rose to 91.2% (expected 95.0%, normal range 93.1%–96.8%) from 2026-11-10 to 2026-11-12.",
            English.Render(region, "stored"));
        Assert.StartsWith("东南亚的质检准确率", Chinese.Render(region, "stored"), StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_use_display_names_and_the_languages_separators()
    {
        // A site by its name in the reference data (sites.csv: KUL-ALPHA is Kuala Lumpur (Alpha), name_zh 吉隆坡（Alpha）),
        // as the explorer shows it; in Chinese the name, then what it is, as for a market (印度尼西亚市场).
        Assert.Equal("Indonesia, Kuala Lumpur (Alpha) site", English.Segment("market=ID;site=KUL-ALPHA"));
        Assert.Equal("印度尼西亚市场、吉隆坡（Alpha）站点", Chinese.Segment("market=ID;site=KUL-ALPHA"));
        // A site with no row in the reference data by its code.
        Assert.Equal("XYZ-1 site", English.Segment("site=XYZ-1"));
        Assert.Equal("XYZ-1站点", Chinese.Segment("site=XYZ-1"));
        Assert.Equal("Site (none)", English.Segment("site=(none)"));
        Assert.Equal("审核站点（无）", Chinese.Segment("site=(none)"));
    }

    [Fact]
    public void A_region_segment_is_shown_by_the_reference_datas_name_in_each_language()
    {
        var reference = ReferenceData.Shipped with
        {
            RegionNames = [.. ReferenceData.Shipped.RegionNames, new Region("XR", "Acme Region", "阿克米大区", ReferenceSchema.Always)],
        };
        var english = new FindingRenderer(Catalog, reference, "en");
        var chinese = new FindingRenderer(Catalog, reference, "zh-Hans");

        Assert.Equal("Acme Region", english.Segment("region=XR"));
        Assert.Equal("阿克米大区", chinese.Segment("region=XR"));
        Assert.Equal("Southeast Asia", English.Segment("region=SEA"));
        Assert.Equal("东南亚", Chinese.Segment("region=SEA"));
        Assert.Equal("中东和北非、吉隆坡（Alpha）站点", Chinese.Segment("region=MENA;site=KUL-ALPHA"));
        // A region with no row in the reference data is shown by its code.
        Assert.Equal("MARS", English.Segment("region=MARS"));
    }

    [Fact]
    public void A_site_is_named_in_chinese_in_a_chinese_finding_and_falls_back_to_its_english_name_without_one()
    {
        // A team's own sites: one with a Chinese name, one named 站点 already (not said twice), one without (name_zh empty).
        var reference = ReferenceData.Shipped with
        {
            Sites =
            [
                .. ReferenceData.Shipped.Sites,
                new Site("XPN-OWN", "Penang (Own)", "槟城（自营）", "Own", "Penang", "MY", "Asia/Kuala_Lumpur", "MYR", ReferenceSchema.Always),
                new Site("XIP-HUB", "Ipoh hub", "怡保站点", "Own", "Ipoh", "MY", "Asia/Kuala_Lumpur", "MYR", ReferenceSchema.Always),
                new Site("XKB-OWN", "Kota Baru (Own)", "", "Own", "Kota Baru", "MY", "Asia/Kuala_Lumpur", "MYR", ReferenceSchema.Always),
            ],
        };
        var chinese = new FindingRenderer(Catalog, reference, "zh-Hans");
        var facts = MetricMove("metric.fell", "site=SAO-ECHO", "2026-11-12", "2026-11-12", shift: false, null);

        var sentence = chinese.Render(facts, "stored");

        Assert.StartsWith("圣保罗（Echo）站点的质检准确率于2026年11月12日降至91.2%", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("Sao Paulo", sentence, StringComparison.Ordinal);
        Assert.Equal("槟城（自营）站点", chinese.Segment("site=XPN-OWN"));
        Assert.Equal("怡保站点", chinese.Segment("site=XIP-HUB"));
        Assert.Equal("Kota Baru (Own)站点", chinese.Segment("site=XKB-OWN"));
        Assert.Equal("Penang (Own) site", new FindingRenderer(Catalog, reference, "en").Segment("site=XPN-OWN"));
        // No shipped site is shown with a Latin city name in Chinese.
        Assert.All(ReferenceData.Shipped.Sites, s => Assert.DoesNotContain(s.City, Chinese.Segment("site=" + s.SiteId), StringComparison.Ordinal));
    }

    [Fact]
    public void Enumerated_segment_values_are_worded_in_each_language()
    {
        // The glossary's words for decided_by and the decision's object type and detection source (findings.*.json).
        // In Chinese the worded value stands alone (人工审核, not 决策方式人工审核).
        Assert.Equal("人工审核、印度尼西亚市场", Chinese.Segment("decided_by=human;market=ID"));
        Assert.Equal("直播", Chinese.Segment("object_type=livestream"));
        Assert.Equal("用户举报", Chinese.Segment("detection_source=user_report"));
        Assert.Equal("human decisions", English.Segment("decided_by=human"));
        Assert.Equal("user reports", English.Segment("detection_source=user_report"));
        // A value with no words (a team's own) is shown as it is.
        Assert.Equal("审核对象类型coupon", Chinese.Segment("object_type=coupon"));
    }

    [Fact]
    public void Policies_queues_and_sites_read_in_natural_chinese_word_order()
    {
        // The name, then what it is (禁售商品政策, not 政策禁售商品), in English too (Prohibited goods policy); names from
        // reference/policies.csv and queues.csv.
        Assert.Equal("禁售商品政策", Chinese.Segment("policy=prohibited_goods"));
        Assert.Equal("禁售商品政策大类", Chinese.Segment("parent_policy=prohibited_goods"));
        Assert.Equal("ID 商品上架前审核队列", Chinese.Segment("queue=ID-prelisting"));
        Assert.Equal("Prohibited goods policy", English.Segment("policy=prohibited_goods"));
        Assert.Equal("ID Pre-listing review queue", English.Segment("queue=ID-prelisting"));
        // A missing value keeps the dimension's name in front.
        Assert.Equal("政策（无）", Chinese.Segment("policy=(none)"));
    }

    [Theory]
    [InlineData("volume:decisions", "Volume of decisions", "决策数据量")]
    [InlineData("freshness:qa_audits", "Freshness of QA audits", "质检审核新鲜度")]
    [InlineData("delivery:ops-mail", "Deliveries to ops-mail", "发送到ops-mail")]
    [InlineData("monitor_run_failed", "monitor_run_failed", "monitor_run_failed")]
    public void A_data_alerts_subject_is_worded_in_each_language(string subject, string english, string chinese)
    {
        Assert.Equal(english, English.Subject(subject));
        Assert.Equal(chinese, Chinese.Subject(subject));
    }

    public static TheoryData<string, FindingFacts, string, string> DataChecks() => new()
    {
        {
            "freshness.source",
            Of("freshness.source", ("source", Source("decisions")), ("newest", Time(new DateTime(2026, 11, 18, 21, 30, 0))),
                ("day", Day(new DateOnly(2026, 11, 19))), ("lag", Of(FactKind.Hours, 26.5)), ("limit", Of(FactKind.Hours, 12))),
            "The newest decisions event (2026-11-18 21:30 UTC) is 26.5 h old at the end of 2026-11-19, above the 12 h freshness limit.",
            "最新的决策事件（2026年11月18日 21:30 UTC）在2026年11月19日结束时已过去26.5小时，超过12小时的时效上限。"
        },
        {
            "freshness.site",
            Of("freshness.site", ("source", Source("decisions")), ("site", new(FactKind.Segment, Text: "site=KUL-ALPHA")),
                ("newest", Time(new DateTime(2026, 11, 18, 6, 0, 0))), ("day", Day(new DateOnly(2026, 11, 19))),
                ("lag", Of(FactKind.Hours, 42)), ("limit", Of(FactKind.Hours, 12)), ("active_days", Count(14))),
            "Kuala Lumpur (Alpha) site sent no decision after 2026-11-18 06:00 UTC: 42 h before the end of 2026-11-19, above the 12 h freshness limit, though it was active in the last 14 days.",
            "吉隆坡（Alpha）站点在2026年11月18日 06:00 UTC之后未发送任何决策：距2026年11月19日结束已有42小时，超过12小时的时效上限，而该站点在最近14天内仍有活动。"
        },
        {
            "volume.none_segment",
            Of("volume.none_segment", ("source", Source("decisions")), ("segment", new(FactKind.Segment, Text: "site=JKT-ALPHA")),
                ("day", Day(new DateOnly(2026, 11, 16))), ("weekday", Day(new DateOnly(2026, 11, 16), FactKind.Weekday)),
                ("expected", Of(FactKind.Count, 1234)), ("weeks", Count(8))),
            "No decisions from Jakarta (Alpha) site on 2026-11-16, a Monday that usually has 1,234 (median of the same weekday over up to 8 weeks).",
            "2026年11月16日（星期一）雅加达（Alpha）站点没有任何决策，而该工作日通常有1,234条（最多8周内同一工作日的中位数）。"
        },
        {
            "volume.change",
            Of("volume.change", ("source", Source("qa_audits")), ("rows", Count(420)), ("day", Day(new DateOnly(2026, 11, 17))),
                ("weekday", Day(new DateOnly(2026, 11, 17), FactKind.Weekday)), ("expected", Of(FactKind.Count, 600)),
                ("change", Of(FactKind.SignedShare, -0.3)), ("z", Of(FactKind.Number, -4.26)), ("limit", Share(0.25)), ("z_limit", Of(FactKind.Number, 3.5))),
            "420 QA audits on 2026-11-17 against a usual 600 for a Tuesday (−30.0%, robust z -4.3; flagged beyond ±25.0% and |z| 3.5).",
            "2026年11月17日（星期二）的质检审核为420条，而通常为600条（−30.0%，稳健z值-4.3；超过±25.0%且|z|超过3.5即标记）。"
        },
        {
            "null_rate_where",
            Of("null_rate_where", ("column", Text("language")), ("source", Source("decisions")), ("where", Text("decided_by = human")),
                ("nulls", Count(150)), ("rows", Count(1000)), ("from", Day(new DateOnly(2026, 11, 13))), ("to", Day(new DateOnly(2026, 11, 19))),
                ("rate", Share(0.15)), ("limit", Share(0.07)), ("days", Count(28)), ("usual", Share(0.02)), ("allowed", Share(0.05))),
            "language is empty in 150 of 1,000 decisions where decided_by = human from 2026-11-13 to 2026-11-19 (15.0%), above the limit of 7.0% (the trailing 28-day rate 2.0% plus 5.0%).",
            "2026年11月13日至2026年11月19日期间，满足decided_by = human的1,000条决策中有150条的language为空（15.0%），超过上限7.0%（此前28天的比例2.0%加5.0%）。"
        },
        {
            "duplicate.keys",
            Of("duplicate.keys", ("key", Text("decision_id")), ("source", Source("decisions")), ("groups", Count(3)), ("extra", Count(4)), ("example", Text("D-17"))),
            "Duplicate decision_id in decisions: 3 repeated, 4 extra rows in all (e.g. 'D-17'); loads de-duplicate, so there should be none.",
            "决策中的decision_id有重复：3个值出现不止一次，共多出4行（例如“D-17”）；加载时会去重，本不应有重复。"
        },
        {
            "duplicate.redelivery",
            Of("duplicate.redelivery", ("file", Text("d-2026-11-18.csv")), ("day", Day(new DateOnly(2026, 11, 19))), ("replaced", Count(900)),
                ("rows", Count(1000)), ("share", Share(0.9)), ("source", Source("decisions")), ("limit", Share(0.5))),
            "File d-2026-11-18.csv, loaded on 2026-11-19, replaced 900 of its 1,000 rows (90.0%) already in decisions, above the 50.0% limit: a re-delivery.",
            "文件d-2026-11-18.csv于2026年11月19日加载，其1,000行中有900行（90.0%）替换了决策中已有的行，超过50.0%的上限：属于重复投递。"
        },
        {
            "orphans",
            Of("orphans", ("source", Source("appeals")), ("file", Text("appeals-11.csv")), ("days", Count(3)), ("rows", Count(12)),
                ("oldest", Time(new DateTime(2026, 11, 10, 8, 5, 0))), ("example", Text("A-9"))),
            "12 rows of appeals from appeals-11.csv wait for a decision that has not arrived more than 3 days after the event; the oldest is from 2026-11-10 08:05 UTC (e.g. 'A-9').",
            "appeals-11.csv中有12行申诉在事件发生3天后仍在等待尚未到达的决策；最早的发生于2026年11月10日 08:05 UTC（例如“A-9”）。"
        },
        {
            "quarantine_rate",
            Of("quarantine_rate", ("file", Text("q.csv")), ("day", Day(new DateOnly(2026, 11, 19))), ("rejected", Count(30)), ("rows", Count(200)),
                ("rate", Share(0.15)), ("limit", Share(0.05)), ("rule", Text("unknown_market")), ("rule_rows", Count(25))),
            "File q.csv, loaded on 2026-11-19, had 30 of 200 rows rejected (15.0%), above the 5.0% limit; most broke unknown_market (25).",
            "文件q.csv于2026年11月19日加载，200行中有30行被拒收（15.0%），超过5.0%的上限；多数违反了规则unknown_market（25行）。"
        },
        {
            "late_arrival",
            Of("late_arrival", ("late", Count(80)), ("rows", Count(400)), ("source", Source("qa_audits")), ("day", Day(new DateOnly(2026, 11, 19))),
                ("share", Share(0.2)), ("days", Count(2)), ("limit", Share(0.1)), ("file", Text("qa-late.csv"))),
            "80 of the 400 rows of QA audits loaded on 2026-11-19 (20.0%) happened more than 2 days before that day, above the 10.0% limit; most came in qa-late.csv.",
            "2026年11月19日加载的400行质检审核中有80行（20.0%）发生在当天2天以前，超过10.0%的上限；多数来自qa-late.csv。"
        },
        {
            "run_failed",
            Of("run_failed", ("run", Count(7)), ("error", Text("disk full at /data"))),
            "The monitor run 7 failed: disk full at /data",
            "监控运行7失败：disk full at /data"
        },
    };

    [Theory]
    [MemberData(nameof(DataChecks))]
    public void Each_data_check_finding_reads_in_english_and_chinese(string kind, FindingFacts facts, string english, string chinese)
    {
        Assert.Equal(kind, facts.Template);
        Assert.Equal(english, English.Render(facts, "stored"));
        Assert.Equal(chinese, Chinese.Render(facts, "stored"));
    }

    [Fact]
    public void A_finding_stored_before_it_had_structure_shows_its_stored_words_and_a_restated_one_says_so()
    {
        Assert.Equal("Old English message.", Chinese.Render(null, "Old English message."));
        var facts = Of("run_failed", ("run", Count(7)), ("error", Text("boom")));
        Assert.Equal("The monitor run 7 failed: boom (no longer anomalous after its days were restated by a later load)", English.Render(facts, "x", restated: true));
        Assert.Equal("监控运行7失败：boom（后续加载重述了这些天的数据，已不再异常）", Chinese.Render(facts, "x", restated: true));
    }

    [Fact]
    public void Facts_survive_their_json_round_trip()
    {
        var facts = MetricMove("metric.fell", "market=ID", "2026-11-12", "2026-11-12", shift: true, ("Ramadan", "斋月"));
        var back = FromJson(facts.ToJson())!;
        Assert.Equal(facts.Template, back.Template);
        Assert.Equal(facts.Facts.OrderBy(p => p.Key, StringComparer.Ordinal), back.Facts.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Null(FromJson(null));
    }

    [Fact]
    public void Both_languages_have_the_same_templates_and_placeholders_and_chinese_uses_full_width_punctuation()
    {
        var en = Texts("en");
        var zh = Texts("zh-Hans");
        Assert.Equal(en.Keys.Order(StringComparer.Ordinal), zh.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in en)
        {
            if (key.StartsWith("segment.", StringComparison.Ordinal))
            {
                // A segment's words are always given its {name} and {dimension}; each language uses what its word order needs
                // (禁售商品政策 drops the dimension's name 政策 in front).
                Assert.Subset(new HashSet<string>(["{name}", "{dimension}"], StringComparer.Ordinal), Placeholders(text));
                Assert.Subset(new HashSet<string>(["{name}", "{dimension}"], StringComparer.Ordinal), Placeholders(zh[key]));
            }
            else
            {
                Assert.True(Placeholders(text).SetEquals(Placeholders(zh[key])), $"'{key}' has different placeholders in en and zh-Hans");
            }
            // Chinese pauses and brackets with full-width marks: no ASCII comma, semicolon, colon or parenthesis beside a Chinese character.
            Assert.DoesNotMatch(HalfWidth(), zh[key]);
        }
    }

    private static Dictionary<string, string> Texts(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(RepoPaths.Combine("src", "ModScope", "Monitor", "Findings", $"findings.{language}.json")))!;

    private static HashSet<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[a-z_]+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]")]
    private static partial Regex HalfWidth();
}
