using ModScope.Web.Access;

namespace ModScope.Cli.Tests;

/// <summary><c>modscope serve</c>: refuses a missing store before listening, and hashes passwords for the user list.</summary>
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
    public async Task Hash_password_prints_a_salted_hash_that_verifies_only_that_password()
    {
        var (exit, output, _) = await CliRunner.Run("serve", "--hash-password", "s3cret");
        var (_, again, _) = await CliRunner.Run("serve", "--hash-password", "s3cret");

        Assert.Equal(ExitCodes.Ok, exit);
        var hash = output.Trim();
        Assert.StartsWith("pbkdf2$", hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, again.Trim());
        Assert.True(PasswordHash.Verify("s3cret", hash));
        Assert.False(PasswordHash.Verify("s3cret!", hash));
    }
}
