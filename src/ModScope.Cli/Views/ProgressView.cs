using ModScope.Ingest;
using ModScope.Monitor;
using ModScope.Store;
using ModScope.Synthetic;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>Progress bars and spinners for long work (generation, loads, monitor runs), drawn only on an interactive terminal.</summary>
internal static class ProgressView
{
    public static async Task<IngestResult> RunIngest(IAnsiConsole console, ModScopeStore store, IReadOnlyList<string> paths,
        IngestOptions options, LoadMaintenance? maintenance, CancellationToken cancellationToken)
    {
        var ingestor = new Ingestor(store) { Maintenance = maintenance };
        if (!console.Profile.Capabilities.Interactive)
        {
            return await ingestor.IngestAsync(paths, options, null, cancellationToken).ConfigureAwait(false);
        }
        return await console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask("Loading", maxValue: 1);
            var reporter = new Progress<IngestProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.BytesTotal);
                task.Value = p.BytesDone;
                task.Description = $"Loading {Markup.Escape(p.CurrentFile)} ({p.FilesDone}/{p.FilesTotal})";
            });
            return await ingestor.IngestAsync(paths, options, reporter, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public static async Task<GenerationSummary> RunGenerate(IAnsiConsole console, GeneratorOptions options, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await SyntheticGenerator.GenerateAsync(options, null, cancellationToken).ConfigureAwait(false);
        }
        return await console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask("Generating", maxValue: options.Days);
            var reporter = new Progress<GenerationProgress>(p => task.Value = p.DaysDone);
            return await SyntheticGenerator.GenerateAsync(options, reporter, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>A monitor run (from <paramref name="runner"/>, given where to report) with a spinner naming its current step.</summary>
    public static async Task<MonitorOutcome> RunMonitor(IAnsiConsole console, Func<IProgress<string>?, MonitorRunner> runner, DateOnly asOf, int backfillDays,
        CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await runner(null).RunAsync(asOf, backfillDays, cancellationToken).ConfigureAwait(false);
        }
        return await console.Status().StartAsync("Monitoring", async status =>
        {
            var reporter = new Progress<string>(step => status.Status($"Monitor: {Markup.Escape(step)}"));
            return await runner(reporter).RunAsync(asOf, backfillDays, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
