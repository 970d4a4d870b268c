using ModScope.Monitor.Alerts;
using ModScope.Store;

namespace ModScope.Cli.Tests;

/// <summary><c>--engine</c> on ingest and query: a wrong name is a usage error; an unreachable ClickHouse is bad input naming the URL.</summary>
public sealed class EngineOptionTests
{
    [Theory]
    [InlineData("alerts")]
    [InlineData("explain", "--alert", "1")]
    public async Task Alerts_and_an_alerts_explanation_on_ClickHouse_read_the_clusters_reference_data(params string[] args)
    {
        // One stored alert; its names come from the cluster's reference data, so an unreachable cluster is named (the
        // local store's defaults are not used instead).
        var folder = Directory.CreateTempSubdirectory("modscope-alerts-ch-");
        try
        {
            var path = Path.Combine(folder.FullName, "alerts.duckdb");
            using (var store = ModScopeStore.Open(path))
            {
                var alerts = new AlertStore(store);
                var day = new DateOnly(2026, 11, 16);
                alerts.Upsert([new AlertFinding(AlertKind.Data, "volume:decisions", "market=XN", day, day, AlertSeverity.Critical, -1, 1.0, "volume",
                    "No decisions from market XN.")], alerts.StartRun(day), day, day);
            }

            var (exit, _, error) = await CliRunner.Run([.. args, "--store", path, "--engine", "clickhouse", "--url", "http://127.0.0.1:9"]);

            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Contains("Cannot reach ClickHouse at http://127.0.0.1:9/", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("query", "--metric", "decision_volume", "--engine", "postgres")]
    [InlineData("ingest", "nothing.csv", "--engine", "postgres")]
    public async Task An_unknown_engine_is_a_usage_error(params string[] args)
    {
        var (exit, _, error) = await CliRunner.Run(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--engine must be duckdb or clickhouse, not 'postgres'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.Run("query", "--metric", "decision_volume", "--engine", "clickhouse", "--url", "ftp://x");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--url must be an http(s) URL", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ClickHouse_nobody_answers_at_is_bad_input_naming_the_url()
    {
        // Port 9 (discard) on loopback: nothing listens there.
        var (exit, _, error) = await CliRunner.Run("query", "--metric", "decision_volume", "--period", "2026-W46",
            "--engine", "clickhouse", "--url", "http://127.0.0.1:9");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Cannot reach ClickHouse at http://127.0.0.1:9/", error, StringComparison.Ordinal);
    }
}
