using System.Text.RegularExpressions;

namespace ModScope.Cli.Tests;

/// <summary>
/// The README's "Bring your own data" runs as written: its commands, from the repository's root, load Bazaarly's export
/// through its mapping with nothing quarantined and answer the query.
/// </summary>
public sealed partial class BringYourOwnDataTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "modscope-byod-" + Guid.NewGuid().ToString("N"));

    public BringYourOwnDataTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Root => RepositoryRoot.Path;

    /// <summary>The README section's <c>dotnet run ... --</c> command lines, split into arguments.</summary>
    private static List<string[]> ReadmeCommands()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var section = readme[readme.IndexOf("## Bring your own data", StringComparison.Ordinal)..readme.IndexOf("## How it works", StringComparison.Ordinal)];
        return CommandLine().Matches(section).Select(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    /// <summary>A path of the README, relative to the repository's root; the store goes to the scratch folder.</summary>
    private string Resolve(string argument) =>
        argument.EndsWith(".duckdb", StringComparison.Ordinal) ? Path.Combine(_dir, argument)
        : argument.StartsWith("tests/", StringComparison.Ordinal) ? Path.Combine(Root, argument)
        : argument;

    [Fact]
    public async Task The_readme_commands_load_the_worked_example_without_quarantine_and_answer_the_query()
    {
        // The first block loads and queries as shipped; the extra-column block after it needs the catalogue edit the
        // README describes first (ExtraColumn tests cover those queries).
        var commands = ReadmeCommands();
        Assert.Equal(["ingest", "query", "query", "query", "catalog"], commands.Select(c => c[0]));

        var (exit, output, error) = await CliRunner.Run([.. commands[0].Select(Resolve)]);
        Assert.True(exit == 0, error);
        Assert.Contains("Loaded 22 rows from 5 file(s); 0 quarantined, 0 pending", output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);

        (exit, output, error) = await CliRunner.Run([.. commands[1].Select(Resolve), "--format", "csv"]);
        Assert.True(exit == 0, error);
        // Hand count of tests/data/bazaar/export: XN 3 decisions (1 automated), XS 5 (3), XW 3 (2).
        Assert.Contains("decision_volume,,XS,5,", output, StringComparison.Ordinal);
        Assert.Contains("automation_rate,,XS,0.6,3,5,", output, StringComparison.Ordinal);
        Assert.Contains("automation_rate,,XN,0.3333333333333333,1,3,", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^dotnet run --project src/ModScope\.Cli -- (.+)$", RegexOptions.Multiline)]
    private static partial Regex CommandLine();
}
