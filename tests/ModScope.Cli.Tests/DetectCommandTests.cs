using System.Globalization;
using System.Text;

namespace ModScope.Cli.Tests;

/// <summary>`modscope detect` end to end: one scored row per input row, in input order; errors and exit codes.</summary>
public sealed class DetectCommandTests : IDisposable
{
    private const string Header = "timestamp,value,score,is_anomaly";
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-detect-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Every_input_row_gets_one_output_row_in_the_same_order_with_its_text_unchanged()
    {
        // Unsorted, with an offset timestamp, a gap and a quoted field: the output echoes each row as it came.
        var rows = DailySeries(seed: 1, days: 60).Select(r => (r.Time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            r.Value.ToString("0.##", CultureInfo.InvariantCulture))).ToList();
        rows[10] = (rows[10].Item1, "");
        rows[20] = ("2025-01-26T02:00:00+02:00", rows[20].Item2); // 2025-01-26T00:00Z, the same instant as before
        (rows[30], rows[31]) = (rows[31], rows[30]);
        var input = Write("series.csv", "timestamp,value\n" + string.Join('\n', rows.Select(r => $"{r.Item1},{r.Item2}")) + "\n");
        File.WriteAllText(input, File.ReadAllText(input).Replace(rows[40].Item1 + ",", $"\"{rows[40].Item1}\",", StringComparison.Ordinal));
        var output = Path.Combine(_dir, "scores.csv");

        var (exit, _, error) = await CliRunner.Run("detect", "--input", input, "--output", output);

        Assert.True(exit == ExitCodes.Ok, error);
        var lines = File.ReadAllLines(output);
        Assert.Equal(Header, lines[0]);
        Assert.Equal(rows.Count, lines.Length - 1);
        for (var i = 0; i < rows.Count; i++)
        {
            var fields = lines[i + 1].Split(',');
            Assert.Equal(4, fields.Length);
            Assert.Equal((rows[i].Item1, rows[i].Item2), (fields[0], fields[1]));
            var score = double.Parse(fields[2], CultureInfo.InvariantCulture);
            Assert.InRange(score, 0.0, 1.0);
            Assert.Contains(fields[3], new[] { "0", "1" });
        }
        Assert.Equal(",,0,0", lines[11][lines[11].IndexOf(',', StringComparison.Ordinal)..]); // the gap scores 0
        Assert.Contains("60 points", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planted_spike_is_the_one_row_marked_as_an_anomaly()
    {
        var series = DailySeries(seed: 2, days: 200);
        series[150] = (series[150].Time, Weekly(series[150].Time) + 200.0); // 10σ above its day's level
        var input = Write("spike.csv", string.Join('\n', series.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Time:yyyy-MM-dd},{r.Value:0.##}"))));

        var (exit, output, error) = await CliRunner.Run("detect", "--input", input);

        Assert.True(exit == ExitCodes.Ok, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        Assert.Equal(201, lines.Length);
        var flagged = Enumerable.Range(0, 200).Where(i => lines[i + 1].EndsWith(",1", StringComparison.Ordinal)).ToList();
        Assert.Equal([150], flagged);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{series[150].Time:yyyy-MM-dd},"), lines[151], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_shift_is_marked_once_where_its_alert_opens()
    {
        var series = DailySeries(seed: 3, days: 200);
        for (var i = 150; i < 200; i++)
        {
            series[i] = (series[i].Time, series[i].Value - 200.0); // 10σ lower from day 150 on
        }
        var input = Write("shift.csv", string.Join('\n', series.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Time:yyyy-MM-dd},{r.Value:0.##}"))));

        var (exit, output, error) = await CliRunner.Run("detect", "--input", input);

        Assert.True(exit == ExitCodes.Ok, error);
        var flagged = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select((line, i) => (line, i)).Where(x => x.line.EndsWith(",1", StringComparison.Ordinal)).Select(x => x.i).ToList();
        var start = Assert.Single(flagged);
        Assert.InRange(start, 150, 153);
    }

    [Fact]
    public async Task A_bad_value_exits_one_naming_the_line_and_column_and_writes_nothing()
    {
        var input = Write("bad.csv", "timestamp,value\n2026-11-11T08:00:00Z,1\n2026-11-11T09:00:00Z,2\n2026-11-11T10:00:00Z,3x\n");
        var output = Path.Combine(_dir, "never.csv");

        var (exit, _, error) = await CliRunner.Run("detect", "--input", input, "--output", output);

        Assert.Equal(ExitCodes.BadInput, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad.csv line 4, column 'value'", line, StringComparison.Ordinal);
        Assert.Contains("'3x'", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_missing_input_option_exits_two()
    {
        var (exit, _, error) = await CliRunner.Run("detect", "--output", Path.Combine(_dir, "scores.csv"));

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--input", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_file_exits_one_naming_it()
    {
        var missing = Path.Combine(_dir, "no-such-series.csv");

        var (exit, _, error) = await CliRunner.Run("detect", "--input", missing);

        Assert.Equal(ExitCodes.BadInput, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no-such-series.csv", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_exits_two_naming_it()
    {
        var input = Write("ok.csv", "2026-11-11T08:00:00Z,1\n");

        var (exit, _, error) = await CliRunner.Run("detect", "--input", input, "--alert-z", "0");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("AlertZ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proportion_kind_is_refused_because_a_timestamp_value_file_carries_no_sample_sizes()
    {
        var input = Write("rates.csv", "timestamp,value\n2026-11-11T08:00:00Z,0.9\n2026-11-11T09:00:00Z,0.85\n");

        var (exit, _, error) = await CliRunner.Run("detect", "--input", input, "--kind", "Proportion");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("sample size", error, StringComparison.Ordinal);
    }

    /// <summary>Daily values: 1000 on weekdays, 1400 at weekends, plus N(0, 20²) noise (Box–Muller on a seeded Random).</summary>
    private static List<(DateTime Time, double Value)> DailySeries(int seed, int days)
    {
        var random = new Random(seed);
        var start = new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc); // a Monday
        return [.. Enumerable.Range(0, days).Select(i =>
        {
            var time = start.AddDays(i);
            var noise = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
            return (time, Weekly(time) + (20.0 * noise));
        })];
    }

    private static double Weekly(DateTime time) => time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1400.0 : 1000.0;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, Encoding.UTF8);
        return path;
    }
}
