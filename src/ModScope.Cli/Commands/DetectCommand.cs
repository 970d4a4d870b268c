using System.CommandLine;
using System.Globalization;
using ModScope.Cli.Views;
using ModScope.Monitor.Detection;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope detect --input series.csv --output scores.csv</c>: the monitor's detector on any series. Writes
/// <c>timestamp,value,score,is_anomaly</c>, one row per input row in the same order; <c>is_anomaly</c> is 1 where
/// the monitor would open an alert, <c>score</c> is each point's own evidence in [0, 1] (0.5 = alert threshold).
/// </summary>
internal static class DetectCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Option<string>("--input", "-i") { Description = "CSV of timestamp,value (header optional; ISO 8601 or Unix-second timestamps).", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write timestamp,value,score,is_anomaly (standard output if omitted)." };
        var period = new Option<int?>("--period") { Description = "Season length in sampling intervals (found from the data when omitted)." };
        var kind = new Option<SeriesKind>("--kind") { Description = "Level (any value) or Count (a change must also beat Poisson noise).", DefaultValueFactory = _ => SeriesKind.Level };
        var alertZ = new Option<double?>("--alert-z") { Description = "Robust z-score that opens an alert (default 4.5)." };
        var command = new Command("detect", "Score any timestamp,value series with the monitor's detector: seasonal robust baseline, level shifts, one alert per anomaly.")
        {
            input, output, period, kind, alertZ,
        };
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var path = parsed.GetValue(input)!;
            if (!File.Exists(path))
            {
                throw new IOException($"Input '{path}' does not exist.");
            }
            if (parsed.GetValue(kind) == SeriesKind.Proportion)
            {
                throw new UsageException("--kind Proportion needs a sample size per point, which a timestamp,value file does not carry; use Level or Count.");
            }
            var settings = new DetectorSettings { Period = parsed.GetValue(period), Kind = parsed.GetValue(kind) };
            if (parsed.GetValue(alertZ) is { } z)
            {
                settings = settings with { AlertZ = z };
            }
            try
            {
                settings = settings.Validated();
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message, ex);
            }
            var file = SeriesFile.Read(path);
            var result = SeriesDetector.Detect(file.Points, settings);
            var target = parsed.GetValue(output);
            await using (var writer = target is null ? null : new StreamWriter(target))
            {
                await Write(writer ?? context.HelpOutput, file, result, cancellationToken).ConfigureAwait(false);
            }
            if (target is not null)
            {
                var period = result.Period is { } p ? $"season of {p} intervals" : "no season";
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{file.Rows.Count} points, interval {result.Interval}, {period}, {result.Episodes.Count} alert(s) → {target}")).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task Write(TextWriter writer, SeriesFile file, DetectionResult result, CancellationToken cancellationToken)
    {
        await using var csv = CsvOutput.Writer(writer);
        foreach (var name in new[] { "timestamp", "value", "score", "is_anomaly" })
        {
            csv.WriteField(name);
        }
        await csv.NextRecordAsync().ConfigureAwait(false);
        for (var i = 0; i < file.Rows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (row, verdict) = (file.Rows[i], result.Points[i]);
            csv.WriteField(row.TimestampText);
            csv.WriteField(row.ValueText);
            csv.WriteField(verdict.Score.ToString("0.######", CultureInfo.InvariantCulture));
            csv.WriteField(verdict.AlertStart ? "1" : "0");
            await csv.NextRecordAsync().ConfigureAwait(false);
        }
        await csv.FlushAsync().ConfigureAwait(false);
    }
}
