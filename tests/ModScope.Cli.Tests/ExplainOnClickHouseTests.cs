using System.Diagnostics;
using ModScope.ClickHouse;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Store;

namespace ModScope.Cli.Tests;

/// <summary>
/// <c>explain --alert</c> on a ClickHouse-backed setup, end to end on the loopback 18.16 cluster (started by
/// scripts/clickhouse-cluster.sh when it does not answer, and stopped again): Bazaarly's export and reference files are
/// loaded into a database of the test's own by <c>ingest --engine clickhouse</c>, a market alert on its market XN is
/// planted in the local alert store, and the explanation names the market and its queue as the cluster's reference data
/// does (Northland / 北地, XN Goods review / XN 商品审核), never by code (the shipped defaults know no XN).
/// </summary>
public sealed class ExplainOnClickHouseTests
{
    private static readonly Uri[] Nodes = [new("http://127.0.0.1:18123/"), new("http://127.0.0.1:18124/")];

    [Fact]
    public async Task Explain_alert_words_a_planted_market_alert_with_the_clusters_names_in_english_and_chinese()
    {
        var started = !await AnswersAsync(Nodes[0]);
        if (started)
        {
            await ScriptAsync("start");
        }
        var database = "modscope_explain_" + Guid.NewGuid().ToString("N")[..10];
        var folder = Directory.CreateTempSubdirectory("modscope-explain-ch-");
        try
        {
            await ClickHouseSetup.CreateAsync(Nodes, database, ClickHouseOptions.DefaultCluster);
            string[] cluster = ["--engine", "clickhouse", "--url", Nodes[0].ToString(), "--database", database, "--nodes", string.Join(",", Nodes)];
            var bazaar = Path.Combine(Root, "tests", "data", "bazaar");
            var (exit, _, error) = await CliRunner.Run(["ingest", Path.Combine(bazaar, "reference"), Path.Combine(bazaar, "export"),
                "--mapping", Path.Combine(bazaar, "sources.yaml"), .. cluster]);
            Assert.True(exit == 0, error);
            var store = Path.Combine(folder.FullName, "alerts.duckdb");
            PlantMarketAlert(store);

            var english = await ExplainAsync(store, "en", cluster);
            var chinese = await ExplainAsync(store, "zh-Hans", cluster);

            Assert.Contains("Northland", english, StringComparison.Ordinal);
            Assert.Contains("北地", chinese, StringComparison.Ordinal);
            foreach (var text in new[] { english, chinese })
            {
                Assert.DoesNotContain("market=XN", text, StringComparison.Ordinal);
                Assert.DoesNotContain(" XN ", text, StringComparison.Ordinal);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
            await ClickHouseSetup.DropAsync(Nodes, database);
            if (started)
            {
                await ScriptAsync("stop");
            }
        }
    }

    private static async Task<string> ExplainAsync(string store, string language, string[] cluster)
    {
        var (exit, output, error) = await CliRunner.Run(["explain", "--alert", "1", "--store", store, "--lang", language, .. cluster]);
        Assert.True(exit == 0, error);
        return output;
    }

    // A fall of decision volume in Bazaarly's market XN in the week of 9 November, as the monitor words one (metric.fell).
    private static void PlantMarketAlert(string path)
    {
        using var store = ModScopeStore.Open(path);
        var alerts = new AlertStore(store);
        var (first, last) = (new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 10));
        var facts = new Dictionary<string, FindingFact>(StringComparer.Ordinal)
        {
            ["metric"] = new(FactKind.Metric, Text: "decision_volume"),
            ["segment"] = new(FactKind.Segment, Text: "market=XN"),
            ["value"] = new(FactKind.Value, 0, "decision_volume"),
            ["expected"] = new(FactKind.Value, 2, "decision_volume"),
            ["lower"] = new(FactKind.Value, 1, "decision_volume"),
            ["upper"] = new(FactKind.Value, 3, "decision_volume"),
            ["first"] = FindingFacts.Day(first),
            ["last"] = FindingFacts.Day(last),
            ["span"] = new(FactKind.Part, Text: "span.days"),
            ["shift"] = new(FactKind.Part, Text: "none"),
            ["during"] = new(FactKind.Part, Text: "none"),
        };
        var finding = new AlertFinding(AlertKind.Metric, "decision_volume", "market=XN", first, last, AlertSeverity.Warning, -1, 4.0, "series",
            "decision_volume fell in market=XN") { Value = 0, Expected = 2, Lower = 1, Upper = 3, Facts = new FindingFacts("metric.fell", facts) };
        alerts.Upsert([finding], alerts.StartRun(last), last, last);
    }

    private static async Task<bool> AnswersAsync(Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            return (await http.GetAsync(new Uri(url, "?query=SELECT%201"))).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task ScriptAsync(string verb)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(Root, "scripts", "clickhouse-cluster.sh"), verb])
            { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"scripts/clickhouse-cluster.sh {verb}: {error}");
    }

    private static string Root => ModScope.Tests.Support.RepoPaths.Root;
}
