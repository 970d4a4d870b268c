using ModScope.Catalog;
using ModScope.Cli.Views;
using ModScope.Model;
using ModScope.Monitor;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Store;
using Spectre.Console;

namespace ModScope.Cli.Tests;

/// <summary>
/// <c>modscope alerts</c>, <c>explain --alert</c> and <c>metrics</c> speak the <c>--lang</c> language: an alert stored with its
/// findings' structure reads in Chinese with the market's Chinese name; one stored before (no structure) shows its stored words.
/// </summary>
public sealed class AlertsLanguageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-alerts-lang-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StoreWithTwoAlerts()
    {
        var path = Path.Combine(_dir, "modscope.duckdb");
        using var store = ModScopeStore.Open(path);
        var alerts = new AlertStore(store);
        var day = new DateOnly(2026, 11, 16);
        var run = alerts.StartRun(day);
        var structured = new AlertFinding(AlertKind.Data, "volume:decisions", "market=ID", day, day, AlertSeverity.Critical, -1, 1.0, "volume",
            "No decisions from market ID on 2026-11-16 (English as stored).")
        {
            Facts = FindingFacts.Of("volume.none_segment", ("source", FindingFacts.Source("decisions")), ("segment", new(FactKind.Segment, Text: "market=ID")),
                ("day", FindingFacts.Day(day)), ("weekday", FindingFacts.Day(day, FactKind.Weekday)), ("expected", FindingFacts.Count(1200)), ("weeks", FindingFacts.Count(8))),
            // The baseline paragraph as the monitor stores it (English only; BaselineNote.Describe's words).
            Baseline = "Expected 1200 from the median of the last 14 values (no season found in the history); band ±40 = 4× the robust spread 10 "
                + "(from the quartiles, or the central 90% or 98% when tails are heavy, of the last 56 residuals). Values far outside past bands were clipped before entering the baseline.",
        };
        var old = new AlertFinding(AlertKind.Data, "freshness:appeals", "", day, day, AlertSeverity.Warning, 1, 1.0, "freshness", "An alert stored before findings had structure.");
        alerts.Upsert([structured, old], run, day, day);
        return path;
    }

    [Fact]
    public async Task Alerts_and_an_alerts_explanation_read_in_chinese_with_the_markets_name()
    {
        var store = StoreWithTwoAlerts();

        var (exit, output, _) = await CliRunner.Run("alerts", "--store", store, "--lang", "zh-Hans");
        Assert.Equal(0, exit);
        // By hand: 2026-11-16 is a Monday (星期一); ID is 印度尼西亚 in reference/markets.csv.
        Assert.Contains("2026年11月16日（星期一）印度尼西亚市场没有任何决策，而该工作日通常有1,200条", output, StringComparison.Ordinal);
        Assert.Contains("An alert stored before findings had structure.", output, StringComparison.Ordinal);
        // The table's own words are Chinese too: its headings, each alert's status and severity (new, critical, warning).
        foreach (var word in new[] { "编号", "状态", "严重程度", "发生了什么", "新告警", "严重", "警告" })
        {
            Assert.Contains(word, output, StringComparison.Ordinal);
        }
        foreach (var word in new[] { "Status", "Severity", "What happened", "critical", "warning" })
        {
            Assert.DoesNotContain(word, output, StringComparison.Ordinal);
        }

        (exit, output, _) = await CliRunner.Run("explain", "--alert", "1", "--store", store, "--lang", "zh-Hans");
        Assert.Equal(0, exit);
        Assert.Contains("告警1：2026年11月16日（星期一）印度尼西亚市场没有任何决策", output, StringComparison.Ordinal);
        // The stored English baseline paragraph is said in Chinese (its facts read back from the stored words).
        Assert.Contains("预期值1200，依据最近14个值的中位数（历史中未发现季节性）", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Expected 1200", output, StringComparison.Ordinal);

        (exit, output, _) = await CliRunner.Run("alerts", "--store", store, "--lang", "en");
        Assert.Contains("No decisions from Indonesia on 2026-11-16, a Monday that usually has 1,200", output, StringComparison.Ordinal);
        Assert.Contains("What happened", output, StringComparison.Ordinal);
        Assert.Contains("critical", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Monitor run 3 (ok): judged 2026-11-01..2026-11-16, 1,876 series, 2 alert(s) opened, 1 updated; decisions complete through 2026-11-14.", "No alerts.")]
    [InlineData("zh-Hans", "第3次监控运行（正常）：评估2026年11月1日至2026年11月16日，共1,876个序列，新开2条告警，更新1条；决策数据完整至2026年11月14日。", "没有告警。")]
    public void A_monitor_runs_summary_reads_in_the_chosen_language(string lang, string line, string none)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 400;
        var catalog = CatalogLoader.LoadDefault();
        var outcome = new MonitorOutcome(3, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 16),
            new MonitorRunSummary(new DateOnly(2026, 11, 14), 1876, 2, 1, "ok", null), []);

        AlertsView.RenderRun(console, outcome, catalog, new FindingRenderer(catalog, ReferenceData.Shipped, lang), 10);

        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains(line, lines);
        Assert.Contains(none, lines);
    }

    [Fact]
    public async Task Metrics_lists_units_in_the_chosen_language()
    {
        var (exit, output, _) = await CliRunner.Run("metrics", "--lang", "zh-Hans");

        Assert.Equal(0, exit);
        // qa_accuracy's unit is "ratio" in the catalogue: 比率 in Chinese; no English unit word is left.
        Assert.Contains("比率", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" ratio ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("decisions per hour", output, StringComparison.Ordinal);
    }
}
