using System.Globalization;
using Microsoft.AspNetCore.Identity;
using ModScope.Web.Access;

namespace ModScope.Cli.Tests;

/// <summary>
/// <c>modscope serve</c>: refuses a missing store before listening, hashes passwords read from standard input, and
/// warns when a secret is given on the command line.
/// </summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serving_a_missing_store_is_bad_input_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".duckdb");

        var (exit, _, error) = await CliRunner.Run("serve", "--store", missing);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_bad_service_configuration_beside_the_store_stops_serve_before_it_listens_naming_line_and_field()
    {
        var folder = Directory.CreateTempSubdirectory("modscope-serve-config-").FullName;
        try
        {
            var store = Path.Combine(folder, "s.duckdb");
            await File.WriteAllTextAsync(store, "");
            var config = Path.Combine(folder, "modscope.yaml");
            await File.WriteAllTextAsync(config, "schedules:\n  - name: nightly\n    cron: \"0 25 * * *\"\n    job: monitor\n");

            var (exit, _, error) = await CliRunner.Run("serve", "--store", store);

            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Contains($"{config}:3: schedules[0].cron: '0 25 * * *' is not a cron expression", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Hash_password_reads_standard_input_and_prints_a_salted_hash_of_600000_iterations()
    {
        var (exit, output, error) = await CliRunner.RunWithInput("s3cret\n", "serve", "--hash-password");
        var (_, again, _) = await CliRunner.RunWithInput("s3cret\n", "serve", "--hash-password");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("", error);
        var hash = output.Trim();
        Assert.StartsWith("pbkdf2$600000$", hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, again.Trim());
        Assert.Equal(PasswordVerificationResult.Success, PasswordHash.Verify("s3cret", hash));
        Assert.Equal(PasswordVerificationResult.Failed, PasswordHash.Verify("s3cret!", hash));
    }

    [Fact]
    public async Task Hash_password_without_input_is_a_usage_error()
    {
        var (exit, _, error) = await CliRunner.RunWithInput("", "serve", "--hash-password");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("standard input", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_on_the_command_line_still_hashes_but_warns()
    {
        var (exit, output, error) = await CliRunner.Run("serve", "--hash-password", "s3cret");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(PasswordVerificationResult.Success, PasswordHash.Verify("s3cret", output.Trim()));
        Assert.Contains("warning", error, StringComparison.Ordinal);
        Assert.Contains("standard input", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_analyst_token_as_an_argument_is_deprecated_in_favour_of_a_file_or_the_environment()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".duckdb");

        var (_, _, error) = await CliRunner.Run("serve", "--store", missing, "--analyst-token", "hunter2");

        var warning = error.Split('\n')[0];
        Assert.Contains("--analyst-token is deprecated", warning, StringComparison.Ordinal);
        Assert.Contains("--analyst-token-file", warning, StringComparison.Ordinal);
        Assert.Contains("MODSCOPE_ANALYST_TOKEN", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_token_file_is_bad_input_naming_the_option_and_the_file()
    {
        var store = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".duckdb");
        await File.WriteAllTextAsync(store, "");
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".token");
        try
        {
            var (exit, _, error) = await CliRunner.Run("serve", "--store", store, "--analyst-token-file", missing);

            Assert.Equal(ExitCodes.BadInput, exit);
            Assert.Contains("--analyst-token-file", error, StringComparison.Ordinal);
            Assert.Contains(missing, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(store);
        }
    }

    [Theory]
    [InlineData("--max-result-cells", "0")]
    [InlineData("--cache-mb", "-1")]
    public async Task Limits_out_of_range_are_usage_errors(string option, string value)
    {
        var store = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".duckdb");
        await File.WriteAllTextAsync(store, "");
        try
        {
            var (exit, _, error) = await CliRunner.Run("serve", "--store", store, option, value);

            Assert.Equal(ExitCodes.Usage, exit);
            Assert.Contains(option, error, StringComparison.Ordinal);
            Assert.Contains(value.ToString(CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(store);
        }
    }
}
