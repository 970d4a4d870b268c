namespace ModScope.Cli.Tests;

/// <summary><c>--engine</c> on ingest and query: a wrong name is a usage error; an unreachable ClickHouse is bad input naming the URL.</summary>
public sealed class EngineOptionTests
{
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
