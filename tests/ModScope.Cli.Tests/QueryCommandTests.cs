namespace ModScope.Cli.Tests;

/// <summary>`modscope query` end to end on a tiny hand-made store.</summary>
public sealed class QueryCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-query-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> StoreWithFourDecisions()
    {
        var file = Path.Combine(_dir, "decisions-1.csv");
        // Three automated decisions and one human one on 2026-11-10 (UTC): automation rate 3/4.
        File.WriteAllText(file,
            "decision_id,object_type,object_id,market,queue,policy_id,detection_source,decided_by,moderator_id,site,verdict,language,created_at,decided_at,handling_seconds\n" +
            "D1,listing,L1,US,US-prelisting,counterfeit,proactive_model,automated,,,approve,en,2026-11-10T10:00:00Z,2026-11-10T10:00:02Z,0\n" +
            "D2,listing,L2,US,US-prelisting,counterfeit,proactive_model,automated,,,remove,en,2026-11-10T11:00:00Z,2026-11-10T11:00:02Z,0\n" +
            "D3,listing,L3,GB,GB-prelisting,counterfeit,proactive_model,automated,,,approve,en,2026-11-10T12:00:00Z,2026-11-10T12:00:02Z,0\n" +
            "D4,listing,L4,GB,GB-prelisting,counterfeit,user_report,human,AUS-INHOUSE-m001,AUS-INHOUSE,remove,en,2026-11-10T09:00:00Z,2026-11-10T13:00:00Z,60\n");
        var store = Path.Combine(_dir, "s.duckdb");
        var (exit, _, error) = await CliRunner.Run("ingest", file, "--store", store);
        Assert.True(exit == ExitCodes.Ok, error);
        return store;
    }

    [Fact]
    public async Task Csv_output_carries_the_values_worked_out_by_hand()
    {
        var store = await StoreWithFourDecisions();

        var (exit, output, error) = await CliRunner.Run("query", "--store", store, "--metric", "automation_rate,decision_volume",
            "--by", "market", "--period", "2026-W46", "--format", "csv");

        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("metric,bucket,market,value,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("automation_rate,,US,1,2,2,", StringComparison.Ordinal));   // 2 of 2 automated
        Assert.Contains(lines, l => l.StartsWith("automation_rate,,GB,0.5,1,2,", StringComparison.Ordinal)); // 1 of 2
        Assert.Contains(lines, l => l.StartsWith("decision_volume,,GB,2,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Relative_periods_are_anchored_to_the_data_s_last_day_not_the_clock()
    {
        var store = await StoreWithFourDecisions();

        // The data's last day is 2026-11-10, so "last 7 days" is 2026-11-04..2026-11-10 whatever today is: all 4 decisions.
        var (exit, output, error) = await CliRunner.Run("query", "--store", store, "--metric", "decision_volume", "--period", "last 7 days", "--format", "csv");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("decision_volume,,4,", StringComparison.Ordinal));
        Assert.Equal("", error);
    }

    [Fact]
    public async Task An_empty_result_says_where_the_data_ends_and_a_period_past_it_is_flagged_incomplete()
    {
        var store = await StoreWithFourDecisions();

        var (emptyExit, _, empty) = await CliRunner.Run("query", "--store", store, "--metric", "decision_volume", "--period", "2026-W47");
        var (_, _, partial) = await CliRunner.Run("query", "--store", store, "--metric", "decision_volume", "--period", "2026-W46");

        Assert.Equal(ExitCodes.Ok, emptyExit);
        Assert.Contains("no decisions in 2026-11-16..2026-11-22; the data ends on 2026-11-10.", empty, StringComparison.Ordinal);
        Assert.Contains("2026-11-09..2026-11-15 reaches past the data's last day 2026-11-10; days after it are incomplete.", partial, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comparison_with_a_period_before_the_data_gives_no_change_and_says_how_many_days_had_data()
    {
        var store = await StoreWithFourDecisions();

        // The data starts on Tue 2026-11-10: of W46 (Mon 11-09 .. Sun 11-15) 6 days have data, of W45 none.
        var (exit, json, error) = await CliRunner.Run("query", "--store", store, "--metric", "decision_volume", "--period", "2026-W46",
            "--compare", "previous", "--format", "json");
        var (_, table, _) = await CliRunner.Run("query", "--store", store, "--metric", "decision_volume", "--period", "2026-W46", "--compare", "previous");
        var (_, chinese, _) = await CliRunner.Run("query", "--store", store, "--metric", "decision_volume", "--period", "2026-W46", "--compare", "previous", "--lang", "zh-Hans");

        Assert.True(exit == ExitCodes.Ok, error);
        using var answer = System.Text.Json.JsonDocument.Parse(json);
        var row = Assert.Single(answer.RootElement.EnumerateArray().ToList());
        Assert.Equal(4, row.GetProperty("value").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("rel_change").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("significant").ValueKind);
        Assert.Equal("2026-11-10", row.GetProperty("data_from").GetString());
        Assert.Equal((6, 7, 0, 7), (row.GetProperty("days_with_data").GetInt32(), row.GetProperty("days").GetInt32(),
            row.GetProperty("previous_days_with_data").GetInt32(), row.GetProperty("previous_days").GetInt32()));
        Assert.False(row.GetProperty("comparable").GetBoolean());
        var flat = string.Join(' ', table.Split((char[])['\n', '\r', '│', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Not compared: the previous period has data for 0 of 7 days; this period has data for 6 of 7 days (data from 10 Nov 2026)", flat, StringComparison.Ordinal);
        Assert.Contains("上一周期 7 天中仅有 0 天有数据", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_prints_the_sql_with_its_parameters()
    {
        var store = await StoreWithFourDecisions();

        var (exit, output, _) = await CliRunner.Run("query", "--store", store, "--metric", "tat_p90_hours", "--period", "2026-W46", "--explain", "--exact");
        var (_, sketched, _) = await CliRunner.Run("query", "--store", store, "--metric", "tat_p90_hours", "--period", "2026-W46", "--explain");
        var (_, table, _) = await CliRunner.Run("query", "--store", store, "--metric", "tat_p90_hours", "--period", "2026-W46");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("quantile_cont(", output, StringComparison.Ordinal);
        Assert.Contains("-- parameters:", output, StringComparison.Ordinal);
        // Without --exact the p90 is the rollup's sketch, marked approximate with its bound in the plan and the table.
        Assert.Contains("-- answered from: rollup daily; quantiles approximate (log-bucket sketch, relative error <= 1%; --exact reads them raw)", sketched, StringComparison.Ordinal);
        Assert.DoesNotContain("quantile_cont(", sketched, StringComparison.Ordinal);
        Assert.Contains("(±1%)", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_says_a_covered_request_reads_the_rollup_the_load_maintained_and_exact_reads_raw()
    {
        var store = await StoreWithFourDecisions();

        var (exit, rolled, _) = await CliRunner.Run("query", "--store", store, "--metric", "automation_rate", "--by", "market", "--period", "2026-W46", "--explain");
        var (_, exact, _) = await CliRunner.Run("query", "--store", store, "--metric", "automation_rate", "--by", "market", "--period", "2026-W46", "--explain", "--exact");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("-- answered from: rollup daily\n", rolled.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("FROM \"rollup_daily_0\" AS r", rolled, StringComparison.Ordinal);
        Assert.Contains("-- answered from: raw: --exact asks for raw rows", exact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_metric_exits_one_with_a_near_match()
    {
        var store = await StoreWithFourDecisions();

        var (exit, _, error) = await CliRunner.Run("query", "--store", store, "--metric", "automaton_rate", "--period", "2026-W46");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("did you mean 'automation_rate'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_period_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.Run("query", "--metric", "decision_volume", "--period", "sometime soon");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not a period", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query", "--metric", "decision_volume")]
    [InlineData("sample-size")]
    public async Task A_reading_command_on_a_missing_store_exits_one_and_creates_no_store(params string[] args)
    {
        var missing = Path.Combine(_dir, "missing.duckdb");

        var (exit, _, error) = await CliRunner.Run([.. args, "--store", missing]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task Sample_size_with_a_bad_period_is_a_usage_error()
    {
        var store = await StoreWithFourDecisions();

        var (exit, _, error) = await CliRunner.Run("sample-size", "--store", store, "--period", "whenever");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("is not a period", error, StringComparison.Ordinal);
    }
}
