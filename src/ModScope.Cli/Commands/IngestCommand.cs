using System.CommandLine;
using ModScope.Cli.Views;
using ModScope.ClickHouse;
using ModScope.Ingest;
using ModScope.Query.Rollups;
using ModScope.Sources;
using ModScope.Store;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope ingest PATH... [--store] [--strict] [--assume-timezone] [--table] [--mapping]</c>.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to load: CSV, Parquet or JSON Lines (.gz too), named after their table " +
                          "(decisions*, qa_audits*, appeals*, staffing*).",
            Arity = ArgumentArity.OneOrMore,
        };
        // A many-valued argument would otherwise swallow a mistyped option as a file name.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        var store = CommonOptions.Store();
        var strict = new Option<bool>("--strict") { Description = "Fail the whole load on the first file with a bad row; write nothing." };
        var timeZone = new Option<string?>("--assume-timezone")
        {
            Description = "IANA time zone (e.g. Asia/Jakarta) for timestamps without a UTC offset; without it such rows are quarantined.",
        };
        var table = new Option<string?>("--table") { Description = "Load every file into this table instead of inferring it from the file name." };
        var earliest = new Option<DateTime?>("--earliest")
        {
            Description = "Quarantine timestamps and dates before this UTC time (default 2000-01-01).",
        };
        var latest = new Option<DateTime?>("--latest")
        {
            Description = "Quarantine timestamps and dates after this UTC time (default: one day after the load starts).",
        };
        var mapping = new Option<string?>("--mapping")
        {
            Description = "Source mapping (YAML) for a producer's own column names, values, timestamp formats and extra columns " +
                          "(default: catalog/sources.yaml when it exists).",
        };
        var catalog = CatalogOption.Create();
        catalog.Description += " A targets file's metric must be one of its metrics; the catalogue's rollups are kept up to date by the load.";
        var engineOption = new EngineOption();
        var language = CommonOptions.Language();

        var command = new Command("ingest",
            "Validate and load event files into the store. Bad rows are quarantined with file, line, field and rule; " +
            "re-loading the same file changes nothing; one load is one transaction.")
        {
            paths, store, strict, timeZone, table, earliest, latest, mapping, catalog, language,
        };
        engineOption.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var metrics = CatalogOption.Load(parsed.GetValue(catalog));
            var options = new IngestOptions(parsed.GetValue(strict), parsed.GetValue(timeZone), parsed.GetValue(table),
                Utc(parsed.GetValue(earliest)), Utc(parsed.GetValue(latest)), SourceMappingParser.LoadOrDefault(parsed.GetValue(mapping)))
            {
                MetricIds = [.. metrics.Metrics.Select(m => m.Id)],
            };
            if (engineOption.IsClickHouse(parsed))
            {
                using var clickHouse = new ClickHouseEngine(engineOption.ClickHouse(parsed));
                // The catalogue's rollups are kept on the cluster when the load knows every node (--nodes).
                var loaded = await new ClickHouseLoader(clickHouse) { Catalog = metrics }.IngestAsync(parsed.GetValue(paths)!, options, null, cancellationToken).ConfigureAwait(false);
                IngestSummaryView.Render(context.Out, loaded, parsed.GetValue(language)!);
                return ExitCodes.Ok;
            }
            var path = parsed.GetValue(store)!;
            IngestResult result;
            try
            {
                using var opened = ModScopeStore.Open(path);
                // The catalogue's rollups are brought up to date in the load's transaction.
                var maintenance = new RollupMaintainer(metrics);
                result = await ProgressView.RunIngest(context.Out, opened, parsed.GetValue(paths)!, options, maintenance, cancellationToken).ConfigureAwait(false);
            }
            catch (DiskFullException)
            {
                // The store is closed here: give back the space the failed load's blocks took, so the next load can run.
                StoreSpace.Reclaim(path);
                throw;
            }
            IngestSummaryView.Render(context.Out, result, parsed.GetValue(language)!);
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>A time given without an offset is UTC; one with an offset is converted to UTC.</summary>
    private static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
        { } v => v.ToUniversalTime(),
    };
}
