namespace ModScope.Cli.Tests;

/// <summary>Exit codes and error lines: 0 ok, 1 bad input, 2 usage; errors are one line without a stack trace.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Help_lists_every_command_and_exits_zero()
    {
        var (exit, output, _) = await CliRunner.Run("--help");

        Assert.Equal(ExitCodes.Ok, exit);
        foreach (var command in new[] { "demo", "generate", "ingest" })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ingest", "--help")]
    [InlineData("generate", "--help")]
    [InlineData("demo", "--help")]
    public async Task Every_command_has_help(string command, string flag)
    {
        var (exit, output, _) = await CliRunner.Run(command, flag);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("Options:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("ingest")]
    [InlineData("ingest", "x.csv", "--no-such-option")]
    [InlineData("generate", "--days", "many", "--out", "x")]
    public async Task A_bad_command_line_exits_two(params string[] args)
    {
        var (exit, _, error) = await CliRunner.Run(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("modscope:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reprot", "'reprot' is not a command; did you mean 'report'?")]
    [InlineData("frobnicate", "'frobnicate' is not a command.")]
    public async Task An_unknown_command_is_one_line_naming_it_with_the_nearest_command(string command, string expected)
    {
        var (exit, _, error) = await CliRunner.Run(command, "--store", "x.duckdb");

        Assert.Equal(ExitCodes.Usage, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"modscope: {expected} (see 'modscope --help')", line.TrimEnd());
    }

    [Fact]
    public async Task A_nonsensical_value_exits_two_with_the_rule()
    {
        var (exit, _, error) = await CliRunner.Run("generate", "--days", "0", "--out", _dir);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--days must be between 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_exits_one_with_one_line_naming_it_and_no_stack_trace()
    {
        var missing = Path.Combine(_dir, "decisions-missing.csv");

        var (exit, _, error) = await CliRunner.Run("ingest", missing, "--store", Path.Combine(_dir, "s.duckdb"));

        Assert.Equal(ExitCodes.BadInput, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("decisions-missing.csv", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace()
    {
        var (exit, _, error) = await CliRunner.Run("ingest", Path.Combine(_dir, "decisions-missing.csv"),
            "--store", Path.Combine(_dir, "s.duckdb"), "--verbose");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(" at ModScope.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Load summary", "decisions", "unknown code (unknown_reference): 1", "Loaded 1 rows from 1 file(s); 0 quarantined, 1 pending")]
    [InlineData("zh-Hans", "加载汇总", "决策", "未知代码（unknown_reference）：1", "从 1 个文件加载了 1 行；0 行被隔离，1 行待处理")]
    public async Task Ingest_prints_the_summary_with_quarantine_reasons_in_its_language_and_exits_zero(
        string lang, string title, string table, string reason, string total)
    {
        var file = Path.Combine(_dir, "decisions-1.csv");
        File.WriteAllText(file,
            "decision_id,object_type,object_id,market,queue,policy_id,detection_source,decided_by,moderator_id,site,verdict,language,created_at,decided_at,handling_seconds\n" +
            "D1,listing,L1,US,US-prelisting,counterfeit,proactive_model,automated,,,approve,en,2026-08-24T10:00:00Z,2026-08-24T10:00:02Z,0\n" +
            "D2,listing,L2,XX,US-prelisting,counterfeit,proactive_model,automated,,,approve,en,2026-08-24T10:00:00Z,2026-08-24T10:00:02Z,0\n");

        var (exit, output, _) = await CliRunner.Run("ingest", file, "--store", Path.Combine(_dir, "s.duckdb"), "--lang", lang);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(title, output, StringComparison.Ordinal);
        Assert.Contains($" {table} ", output, StringComparison.Ordinal);
        Assert.Contains(reason, output, StringComparison.Ordinal);
        Assert.Contains(total, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alerts", "ack", "9999")]
    [InlineData("explain", "--alert", "9999")]
    public async Task An_unknown_alert_is_bad_input_naming_it_not_an_internal_error(params string[] args)
    {
        var store = Path.Combine(_dir, "alerts.duckdb");
        ModScope.Store.ModScopeStore.Open(store).Dispose();

        var (exit, _, error) = await CliRunner.Run([.. args, "--store", store]);

        Assert.Equal(ExitCodes.BadInput, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("modscope: alert 9999 not found", line, StringComparison.Ordinal);
    }
}
