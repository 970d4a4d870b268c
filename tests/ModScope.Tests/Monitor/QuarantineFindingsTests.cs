using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Model;
using ModScope.Monitor.Findings;

namespace ModScope.Tests.Monitor;

/// <summary>
/// Data health's words: a quarantined row's stored rule, field and English message (as Ingest writes them) become its
/// reason in each language; tables and rules are named. The sentences are written by hand.
/// </summary>
public sealed class QuarantineFindingsTests
{
    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();
    private static readonly QuarantineText English = new(new FindingRenderer(Catalog, ReferenceData.Empty, "en"));
    private static readonly QuarantineText Chinese = new(new FindingRenderer(Catalog, ReferenceData.Empty, "zh-Hans"));

    [Theory]
    [InlineData("unknown_reference", "market", "'XX' is not a known market (reference markets.code)",
        "'XX' is not a known market", "“XX”不是已知的 market")]
    [InlineData("bad_number", "handling_seconds", "'12,5' is not a number", "'12,5' is not a number", "“12,5”不是数字")]
    [InlineData("below_minimum", "handling_seconds", "'-3' is below the minimum 0 for handling_seconds",
        "'-3' is below the minimum 0 for handling_seconds", "handling_seconds 的值“-3”低于最小值 0")]
    [InlineData("duplicate_id", "decision_id", "decision_id 'd-1' was already loaded from a.csv line 4",
        "decision_id 'd-1' was already loaded", "decision_id“d-1”已经加载过")]
    [InlineData("orphan_reference", "decision_id", "decision 'd-9' is not loaded yet; the row waits (pending) until it arrives",
        "decision 'd-9' is not loaded yet; the row waits (pending) until it arrives", "决策“d-9”尚未加载；该行等待（待处理），直到该决策到达")]
    [InlineData("missing_required", "queue", "queue is required but empty", "queue is required but empty", "queue 为必填项，但为空")]
    [InlineData("decided_before_created", "decided_at", "decided_at must not be earlier than created_at",
        "decided_at must not be earlier than created_at", "decided_at 不得早于 created_at")]
    // A value with quotes and spaces inside is read back whole.
    [InlineData("unknown_value", "verdict", "'it's odd' is not a valid verdict; expected one of: remove, keep",
        "'it's odd' is not a valid verdict", "“it's odd”不是有效的 verdict 取值")]
    public void A_quarantined_rows_reason_reads_in_english_and_chinese(string rule, string field, string stored, string english, string chinese)
    {
        Assert.Equal(english, English.Reason(rule, field, stored));
        Assert.Equal(chinese, Chinese.Reason(rule, field, stored));
    }

    [Fact]
    public void A_reason_without_words_or_without_its_value_keeps_its_stored_message()
    {
        // A mapping's own rule has no words; a value rule whose message quotes nothing cannot be worded.
        Assert.Equal("x must be positive", Chinese.Reason("my_rule", "x", "x must be positive"));
        Assert.Null(QuarantineFindings.Of("bad_number", "x", "not quoted at all"));
        Assert.Equal("not quoted at all", Chinese.Reason("bad_number", "x", "not quoted at all"));
    }

    [Fact]
    public void Every_rule_ingest_can_store_and_every_loaded_table_has_words_in_both_languages()
    {
        var rules = typeof(QuarantineRules).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Tables.All.SelectMany(t => t.Rules).Select(r => r.Name)).ToList();
        Assert.Contains("unknown_reference", rules);
        Assert.Contains("decided_before_created", rules);
        foreach (var rule in rules)
        {
            Assert.NotEqual(rule, English.Rule(rule));
            Assert.NotEqual(rule, Chinese.Rule(rule));
            // A message quoting its value and bound, as a value rule's does: worded, not shown as stored.
            const string Stored = "'v' is below the minimum 0 for x";
            Assert.NotEqual(Stored, Chinese.Reason(rule, "x", Stored));
        }
        foreach (var table in Tables.All.Select(t => t.Name))
        {
            Assert.NotEqual(table, Chinese.Table(table));
        }
    }

    [Theory]
    [InlineData("table", "decisions", "decisions", "决策")]
    [InlineData("table", "qa_audits", "QA audits", "质检审核")]
    [InlineData("table", "markets", "markets", "市场")]
    [InlineData("table", "my_table", "my_table", "my_table")]
    [InlineData("rule", "unknown_reference", "unknown code", "未知代码")]
    [InlineData("rule", "duplicate_id", "duplicate", "重复行")]
    [InlineData("rule", "my_rule", "my_rule", "my_rule")]
    public void Tables_and_rules_are_named_in_each_language(string kind, string code, string english, string chinese)
    {
        string Name(QuarantineText text) => kind == "table" ? text.Table(code) : text.Rule(code);
        Assert.Equal(english, Name(English));
        Assert.Equal(chinese, Name(Chinese));
    }
}
