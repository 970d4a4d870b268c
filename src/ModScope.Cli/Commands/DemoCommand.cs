using System.CommandLine;
using System.Globalization;
using ModScope.Cli.Views;
using ModScope.Engines;
using ModScope.Monitor;
using ModScope.Monitor.Findings;
using ModScope.Query;
using ModScope.Query.Rollups;
using ModScope.Service;
using ModScope.Synthetic;
using ModScope.Ingest;
using ModScope.Store;
using Spectre.Console;

namespace ModScope.Cli.Commands;

/// <summary>
/// <c>modscope demo</c>: the main job on the embedded store, from nothing. Generates a 90-day data set
/// with incidents into ./demo/data, loads it into ./demo/modscope.duckdb (started afresh) and shows what loaded.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var options = GenerateCommand.Options.Create();
        var directory = new Option<string>("--dir") { Description = "Folder for the demo data and store.", DefaultValueFactory = _ => "demo" };
        var noServe = new Option<bool>("--no-serve") { Description = "End after the summary instead of serving the dashboard (for scripts and tests)." };
        var command = new Command("demo",
            "Run the whole job on a generated data set: generate 90 days with labelled incidents, ingest them into " +
            "./demo/modscope.duckdb, summarise what was loaded, run the monitor, then serve the dashboard on it (--no-serve to stop there).");
        options.AddTo(command);
        command.Options.Add(directory);
        command.Options.Add(noServe);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var root = parsed.GetValue(directory)!;
            var data = Path.Combine(root, "data");
            var storePath = Path.Combine(root, "modscope.duckdb");
            var started = DateTime.UtcNow;
            var step = System.Diagnostics.Stopwatch.StartNew();
            // Each step says how long it took, so a slow machine shows where the time goes.
            void Took()
            {
                context.Out.MarkupLine(CultureInfo.InvariantCulture, $"[grey]({step.Elapsed.TotalSeconds:F1} s)[/]");
                step.Restart();
            }
            // The demo starts from nothing each time, so what it shows does not depend on an earlier run.
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
            Directory.CreateDirectory(root);
            File.Delete(storePath);
            File.Delete(storePath + ".wal");

            context.Out.Write(new Rule("[bold]1. Generate[/]").LeftJustified());
            var generatorOptions = options.Read(parsed, data);
            var summary = await ProgressView.RunGenerate(context.Out, generatorOptions, cancellationToken).ConfigureAwait(false);
            GenerationView.Render(context.Out, generatorOptions, summary);

            Took();
            context.Out.Write(new Rule("[bold]2. Ingest[/]").LeftJustified());
            using var store = ModScopeStore.Open(storePath);
            var catalog = CatalogOption.Load(null);
            var result = await ProgressView.RunIngest(context.Out, store, [data], new IngestOptions(), new RollupMaintainer(catalog), cancellationToken).ConfigureAwait(false);
            IngestSummaryView.Render(context.Out, result);
            StoreContentsView.Render(context.Out, store);

            Took();
            context.Out.Write(new Rule("[bold]3. Core index, last full week of the data[/]").LeftJustified());
            using var engine = new DuckDbEngine(store);
            var dataEnd = generatorOptions.FirstDay.ToDateTime(TimeOnly.MinValue).AddDays(generatorOptions.Days);
            var request = new MetricRequest(catalog.Roles.Overview, [], TimeGrain.None, [], PeriodParser.Parse("last full week", "UTC", dataEnd), Comparison.PreviousPeriod);
            var results = await new MetricQuery(catalog, engine).RunAsync(request, cancellationToken).ConfigureAwait(false);
            await QueryResultView.WriteAsync(context, catalog, request, results, "table", null, "en").ConfigureAwait(false);

            Took();
            context.Out.Write(new Rule("[bold]4. Monitor: anomalies and data problems, with root causes[/]").LeftJustified());
            var lastDay = DateOnly.FromDateTime(dataEnd.AddDays(-1));
            var outcome = await ProgressView.RunMonitor(context.Out, progress => new MonitorRunner(store, catalog, new MetricQuery(catalog, engine))
            {
                Calendar = MonitorSetup.Calendar(engine),
                Quality = MonitorSetup.Quality(),
                Progress = progress,
            }, lastDay, Math.Max(1, generatorOptions.Days - 35), cancellationToken).ConfigureAwait(false);
            AlertsView.RenderRun(context.Out, outcome, catalog, new FindingRenderer(catalog, engine.Reference, "en"), 10);

            Took();
            context.Out.Write(new Rule("[bold]5. Reports: exec review of the last full week, English and Chinese[/]").LeftJustified());
            await ReportCommand.WriteDemoReportsAsync(context, catalog, new MetricQuery(catalog, engine), store, request.Period, Path.Combine(root, "reports"), cancellationToken).ConfigureAwait(false);

            Took();
            // A sample service configuration under a name serve does not pick up: it names example.com's hosts.
            var sample = Path.Combine(root, ServiceConfigSample.FileName);
            await File.WriteAllTextAsync(sample, ServiceConfigSample.Text + "\n", cancellationToken).ConfigureAwait(false);
            context.Out.MarkupLine($"Sample service configuration: [bold]{Markup.Escape(Path.GetFullPath(sample))}[/] (rename it to " +
                $"{ServiceConfigLoader.FileName} beside the store, with your hosts, for serve to load landed files, monitor and deliver; README: Run it for a team)");
            context.Out.MarkupLine(CultureInfo.InvariantCulture,
                $"Demo finished in {(DateTime.UtcNow - started).TotalSeconds:F1} s. Store: [bold]{Markup.Escape(Path.GetFullPath(storePath))}[/]");
            if (!parsed.GetValue(noServe))
            {
                // The dashboard opens the store itself: close the demo's handle first.
                engine.Dispose();
                store.Dispose();
                context.Out.Write(new Rule("[bold]6. Dashboard[/]").LeftJustified());
                await ServeCommand.RunAsync(context, new ModScope.Web.DashboardOptions(Path.GetFullPath(storePath)), [], cancellationToken).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
