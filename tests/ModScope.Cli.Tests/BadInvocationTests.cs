namespace ModScope.Cli.Tests;

/// <summary>
/// The common mistakes of a first day (issue 17, item 5): each is one line naming what is wrong, with the documented exit
/// code (1 bad input, 2 usage), never an internal error, and no .NET type name in any message.
/// </summary>
public sealed class BadInvocationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string[], int, string> Mistakes => new()
    {
        { ["query", "--metric", "qa_accuracy", "--period", "2026-W60"], ExitCodes.Usage, "2026 has ISO weeks W01 to W53" },
        { ["report", "--period", "2026-W60"], ExitCodes.Usage, "'2026-W60' is not a week" },
        { ["query", "--metric", "qa_accuracy", "--grain", "weekly"], ExitCodes.Usage, "--grain: 'weekly' is not one of none, hour, day, week, month, quarter; did you mean 'week'?" },
        { ["alerts", "snooze", "1", "--until", "tomorrow"], ExitCodes.Usage, "--until: 'tomorrow' is not a date; write it as YYYY-MM-DD" },
        { ["alerts", "ack", "9999"], ExitCodes.BadInput, "alert 9999 not found" },
        { ["explain", "--alert", "9999"], ExitCodes.BadInput, "alert 9999 not found" },
        { ["query", "--metric", "qa_accuracy", "--filter", "market=XX"], ExitCodes.BadInput, "Unknown market 'XX' in the filter market=XX" },
        { ["query", "--metric", "qa_accuracy", "--filter", "market=us"], ExitCodes.BadInput, "Unknown market 'us' in the filter market=us; did you mean 'US'" },
        { ["query", "--metric", "qa_accuracy", "--filter", "region=SEA,Atlantis"], ExitCodes.BadInput, "Unknown region 'Atlantis'" },
        { ["query", "--metric", "qa_acuracy"], ExitCodes.BadInput, "Unknown metric 'qa_acuracy'; did you mean 'qa_accuracy'?" },
        { ["query", "--metric", "qa_accuracy", "--lang", "klingon"], ExitCodes.Usage, "--lang: 'klingon' is not a language of ModScope" },
        { ["query", "--metric", "qa_accuracy", "--as-of", "soon"], ExitCodes.Usage, "--as-of: 'soon' is not a date or time" },
        { ["monitor", "--as-of", "never"], ExitCodes.Usage, "--as-of: 'never' is not a date" },
        { ["sample-size", "--confidence", "high"], ExitCodes.Usage, "--confidence: 'high' is not a number" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_mistake_is_one_line_with_its_exit_code_and_no_type_name(string[] args, int code, string says)
    {
        var store = Path.Combine(_dir, "s.duckdb");
        ModScope.Store.ModScopeStore.Open(store).Dispose();

        var (exit, _, error) = await CliRunner.Run([.. args, "--store", store]);

        Assert.Equal(code, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("modscope: ", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
        foreach (var leak in new[] { "System.", "ModScope.", "Exception", "internal error" })
        {
            Assert.DoesNotContain(leak, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_empty_result_says_why()
    {
        var store = Path.Combine(_dir, "empty.duckdb");
        ModScope.Store.ModScopeStore.Open(store).Dispose();

        var (exit, _, error) = await CliRunner.Run("query", "--metric", "decision_volume", "--by", "market", "--period", "2026-11", "--store", store);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.EndsWith("; the store holds no decisions yet: load some with 'modscope ingest'.", error.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "modscope [command] [options]")]
    [InlineData(new[] { "query" }, "modscope query [options]")]
    [InlineData(new[] { "alerts", "snooze" }, "modscope alerts snooze <id> [options]")]
    public async Task Usage_lines_name_the_command_modscope(string[] command, string usage)
    {
        var (exit, output, _) = await CliRunner.Run([.. command, "--help"]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(usage, output, StringComparison.Ordinal);
        Assert.DoesNotContain("ModScope.Cli", output, StringComparison.Ordinal);
        Assert.DoesNotContain("testhost", output, StringComparison.Ordinal);
    }
}
