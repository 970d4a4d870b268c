using System.Globalization;
using System.Text;

namespace ModScope.Cli.Tests;

/// <summary>`modscope explain --input` end to end on small CSV cubes written by hand.</summary>
public sealed class ExplainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-explain-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>3 × 3 × 2 leaves at 100, except that (a1, b3) falls to 40 and c2 rises to 150 wherever a is not a1.</summary>
    private string CubeWithTwoCauses()
    {
        var csv = new StringBuilder("a,b,c,real,predict\n");
        foreach (var a in new[] { "a1", "a2", "a3" })
        {
            foreach (var b in new[] { "b1", "b2", "b3" })
            {
                foreach (var c in new[] { "c1", "c2" })
                {
                    var real = (a, b) == ("a1", "b3") ? 40 : c == "c2" && a != "a1" ? 150 : 100;
                    csv.Append(CultureInfo.InvariantCulture, $"{a},{b},{c},{real},100\n");
                }
            }
        }
        var path = Path.Combine(_dir, "cube.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    [Fact]
    public async Task The_json_names_the_causes_ranked_by_share()
    {
        // (a1, b3): 2 leaves × −60 = 120; (a≠a1, c2): a2&c2 and a3&c2, 3 leaves × +50 each = 300. c=c2 alone would also
        // move a1's c2 leaves, so the rises are two causes, a=a2&c=c2 and a=a3&c=c2 (150 each), then a=a1&b=b3 (120).
        var output = Path.Combine(_dir, "causes.json");

        var (exit, stdout, error) = await CliRunner.Run("explain", "--input", CubeWithTwoCauses(), "--dims", "a,b,c",
            "--actual", "real", "--expected", "predict", "--output", output);

        Assert.True(exit == ExitCodes.Ok, error);
        var json = File.ReadAllText(output).Trim();
        Assert.Equal("""{"causes":[{"a":"a2","c":"c2"},{"a":"a3","c":"c2"},{"a":"a1","b":"b3"}]}""", json);
        Assert.Contains("share of change", stdout, StringComparison.Ordinal);
        Assert.Contains("a=a1 & b=b3", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_output_the_json_goes_to_stdout_and_max_causes_limits_it()
    {
        var (exit, stdout, error) = await CliRunner.Run("explain", "--input", CubeWithTwoCauses(), "--dims", "a,b,c", "--max-causes", "1");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Equal("""{"causes":[{"a":"a2","c":"c2"}]}""", stdout.Trim());
    }

    [Fact]
    public async Task A_bad_number_exits_one_naming_the_file_line_and_column()
    {
        var path = Path.Combine(_dir, "cube.csv");
        File.WriteAllText(path, "a,real,predict\na1,1,1\na2,abc,1\n");

        var (exit, _, error) = await CliRunner.Run("explain", "--input", path, "--dims", "a");

        Assert.Equal(ExitCodes.BadInput, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cube.csv line 3, column 'real': 'abc' is not a number", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_column_exits_one_naming_it_and_the_header()
    {
        var path = Path.Combine(_dir, "cube.csv");
        File.WriteAllText(path, "a,b,real,predict\na1,b1,1,1\n");

        var (exit, _, error) = await CliRunner.Run("explain", "--input", path, "--dims", "a,queue");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no column 'queue'", error, StringComparison.Ordinal);
        Assert.Contains("its columns are: a, b, real, predict", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_exits_one()
    {
        var (exit, _, error) = await CliRunner.Run("explain", "--input", Path.Combine(_dir, "nope.csv"), "--dims", "a");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("nope.csv", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("explain", "--input", "cube.csv")]
    [InlineData("explain", "--dims", "a,b")]
    [InlineData("explain", "--input", "cube.csv", "--dims", "a,,b")]
    [InlineData("explain", "--input", "cube.csv", "--dims", "a", "--max-causes", "0")]
    public async Task A_bad_command_line_exits_two(params string[] args)
    {
        var (exit, _, error) = await CliRunner.Run(args);

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.StartsWith("modscope:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_input_or_alert_the_usage_error_names_both_modes()
    {
        var (exit, _, error) = await CliRunner.Run("explain", "--dims", "a,b");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--input cube.csv", error, StringComparison.Ordinal);
        Assert.Contains("--alert ID", error, StringComparison.Ordinal);
    }
}
