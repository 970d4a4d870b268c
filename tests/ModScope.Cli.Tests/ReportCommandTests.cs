namespace ModScope.Cli.Tests;

/// <summary>Two generated weeks (24 Aug – 6 Sep 2026) loaded once for the report command tests.</summary>
public sealed class ReportStoreFixture : IDisposable
{
    public ReportStoreFixture()
    {
        Folder = Directory.CreateTempSubdirectory("modscope-report-cli-").FullName;
        var data = Path.Combine(Folder, "data");
        Store = Path.Combine(Folder, "s.duckdb");
        var (generated, _, generateError) = CliRunner.Run("generate", "--out", data, "--days", "14", "--decisions-per-day", "300").GetAwaiter().GetResult();
        Assert.True(generated == ExitCodes.Ok, generateError);
        var (ingested, _, ingestError) = CliRunner.Run("ingest", data, "--store", Store).GetAwaiter().GetResult();
        Assert.True(ingested == ExitCodes.Ok, ingestError);
    }

    public string Folder { get; }
    public string Store { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>`modscope report` end to end: formats, languages, audiences, and the errors for bad input.</summary>
public sealed class ReportCommandTests(ReportStoreFixture fixture) : IClassFixture<ReportStoreFixture>
{
    private string Out(string name) => Path.Combine(fixture.Folder, name);

    [Fact]
    public async Task An_exec_report_in_chinese_is_one_self_contained_html_file()
    {
        var path = Out("exec-zh.html");

        var (exit, output, error) = await CliRunner.Run("report", "--store", fixture.Store, "--period", "2026-W36", "--lang", "zh-Hans", "--out", path);

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(path);
        Assert.Contains("内容审核业务复盘", html, StringComparison.Ordinal);
        Assert.Contains("2026年第36周", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_regional_report_for_a_region_writes_markdown_and_a_workbook()
    {
        var (exit, _, error) = await CliRunner.Run("report", "--store", fixture.Store, "--period", "2026-W36", "--audience", "regional", "--region", "SEA", "--out", Out("sea.md"));
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("# Regional business review: Southeast Asia", await File.ReadAllTextAsync(Out("sea.md")), StringComparison.Ordinal);

        (exit, _, error) = await CliRunner.Run("report", "--store", fixture.Store, "--period", "2026-W36", "--audience", "quality", "--format", "xlsx", "--out", Out("quality.xlsx"));
        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(Out("quality.xlsx")), 0, 2));
    }

    [Fact]
    public async Task A_regional_report_without_a_region_or_market_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.Run("report", "--store", fixture.Store, "--audience", "regional", "--period", "2026-W36");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--region", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_region_exits_one_and_lists_the_known_ones()
    {
        var (exit, _, error) = await CliRunner.Run("report", "--store", fixture.Store, "--audience", "regional", "--region", "MARS", "--period", "2026-W36");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Unknown region 'MARS'", error, StringComparison.Ordinal);
        Assert.Contains("SEA", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_without_data_exits_one_naming_the_period()
    {
        var (exit, _, error) = await CliRunner.Run("report", "--store", fixture.Store, "--period", "2026-11", "--out", Out("empty.html"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("No decisions in 2026-11-01..2026-11-30", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_without_chromium_exits_one_naming_the_debian_package()
    {
        var saved = Environment.GetEnvironmentVariable("MODSCOPE_CHROMIUM");
        try
        {
            Environment.SetEnvironmentVariable("MODSCOPE_CHROMIUM", "/nonexistent/chromium");
            var (exit, _, error) = await CliRunner.Run("report", "--store", fixture.Store, "--period", "2026-W36", "--out", Out("r.pdf"));

            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Contains("Debian package 'chromium'", error, StringComparison.Ordinal);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MODSCOPE_CHROMIUM", saved);
        }
    }

    [Fact]
    public async Task An_unknown_format_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.Run("report", "--store", fixture.Store, "--period", "2026-W36", "--format", "docx");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--format must be html, md, pdf or xlsx", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_writes_the_exec_report_in_english_and_chinese()
    {
        var dir = Out("demo");

        var (exit, _, error) = await CliRunner.Run("demo", "--dir", dir, "--days", "10", "--decisions-per-day", "200", "--no-serve");

        Assert.True(exit == ExitCodes.Ok, error);
        var reports = Path.Combine(dir, "reports");
        foreach (var name in new[] { "exec-en.html", "exec-zh-Hans.html", "exec-en.md", "exec-zh-Hans.md", "exec-en.xlsx", "exec-zh-Hans.xlsx" })
        {
            Assert.True(File.Exists(Path.Combine(reports, name)), name);
        }
        Assert.Contains("内容审核业务复盘", await File.ReadAllTextAsync(Path.Combine(reports, "exec-zh-Hans.html")), StringComparison.Ordinal);
        Assert.Contains("Moderation business review", await File.ReadAllTextAsync(Path.Combine(reports, "exec-en.html")), StringComparison.Ordinal);
    }
}
