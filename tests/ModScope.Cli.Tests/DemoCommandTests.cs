using DuckDB.NET.Data;

namespace ModScope.Cli.Tests;

/// <summary>The demo runs the whole job from nothing: generate, ingest, summarise.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-demo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_small_demo_generates_and_loads_every_generated_decision_file_and_reports_it()
    {
        var (exit, output, error) = await CliRunner.Run("demo", "--dir", _dir, "--days", "14", "--decisions-per-day", "400", "--no-serve");

        Assert.True(exit == ExitCodes.Ok, error);
        Assert.Contains("Load summary", output, StringComparison.Ordinal);
        Assert.Contains("QA accuracy", output, StringComparison.Ordinal);
        // Every decision row written to the (non-redelivered) daily files is in the store: count the files' lines independently.
        var written = Directory.GetFiles(Path.Combine(_dir, "data"), "decisions-*.csv")
            .Where(f => !f.Contains("redelivery", StringComparison.Ordinal))
            .Sum(f => File.ReadLines(f).Count() - 1);
        using var connection = new DuckDBConnection($"Data Source={Path.Combine(_dir, "modscope.duckdb")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM decisions";
        Assert.Equal(written, Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        // The sample service configuration it points to is valid as written.
        var sample = Path.Combine(_dir, ModScope.Service.ServiceConfigSample.FileName);
        Assert.Contains(ModScope.Service.ServiceConfigSample.FileName, output, StringComparison.Ordinal);
        var config = ModScope.Service.ServiceConfigLoader.Load(sample);
        Assert.Equal((2, 3, 1, 2), (config.Channels.Count, config.Subscriptions.Count, config.Owners.Count, config.Schedules.Count));
    }
}
