using System.CommandLine;
using ModScope.Cli.Views;
using ModScope.Query;

namespace ModScope.Cli.Commands;

/// <summary><c>modscope query --metric ... [--by ...] [--grain] [--period] [--compare] [--filter] [--format] [--explain]</c>.</summary>
internal static class QueryCommand
{
    public static Command Create(CliContext context)
    {
        var metrics = new Option<string[]>("--metric", "-m")
        {
            Description = "Metric ids, comma-separated or repeated (see 'modscope metrics').",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var by = new Option<string[]>("--by") { Description = "Dimensions to slice by, comma-separated (market, region, queue, policy, ...).", AllowMultipleArgumentsPerToken = true };
        var grain = new Option<TimeGrain>("--grain") { Description = "Time grain: none, hour, day, week (ISO), month, quarter.", DefaultValueFactory = _ => TimeGrain.None };
        var period = new Option<string>("--period")
        {
            Description = "Period: 2026-11-01..2026-11-15, 2026-W46, 2026-11, 2026-Q4, 'last 7 days', 'last 8 weeks', 'last full week', 'month to date'.",
            DefaultValueFactory = _ => "last 4 weeks",
        };
        var compare = new Option<string?>("--compare") { Description = "Compare with: previous, last-year, last-week (same weekdays)." };
        var filters = new Option<string[]>("--filter") { Description = "Filters: market=US, market=US,GB, market!=US (repeatable)." };
        var timeZone = new Option<string>("--tz") { Description = "Time zone for periods and buckets (IANA).", DefaultValueFactory = _ => "UTC" };
        var asOf = new Option<DateTime?>("--as-of") { Description = "Evaluate relative periods as of this date (default: the day after the data's newest decision day, as the dashboard does)." };
        var format = new Option<string>("--format") { Description = "Output: table, csv, json or parquet (with --out).", DefaultValueFactory = _ => "table" };
        var output = new Option<string?>("--out") { Description = "Write to this file instead of the terminal (required for parquet)." };
        var explain = new Option<bool>("--explain") { Description = "Print the SQL the request compiles to (with its parameters) and do not run it." };
        var intervals = new Option<bool>("--intervals") { Description = "Also compute intervals for levels: distribution-free ones for quantiles (TAT p50/p90), standard-error ones for means, sums and ratios across sources (handling time, cost per decision)." };
        var exact = new Option<bool>("--exact") { Description = "Read the raw rows even where one of the catalogue's rollups covers the request (--explain says which was chosen and why)." };
        var language = CommonOptions.Language();
        var store = CommonOptions.Store();
        var catalog = CatalogOption.Create();
        var engineOption = new EngineOption();

        var command = new Command("query", "Compute core-index metrics sliced by dimensions and time, with intervals and period-over-period change.")
        {
            metrics, by, grain, period, compare, filters, timeZone, asOf, format, output, explain, intervals, exact, language, store, catalog,
        };
        engineOption.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.Guard(context, parsed, async () =>
        {
            var loaded = CatalogOption.Load(parsed.GetValue(catalog));
            var zone = parsed.GetValue(timeZone)!;
            _ = CommonOptions.ParsePeriod(parsed.GetValue(period)!, zone, parsed.GetValue(asOf)); // a bad period is a usage error before the store opens
            var engine = engineOption.OpenEngine(parsed, () => CommonOptions.OpenExistingStore(parsed.GetValue(store)!), out var owned);
            using var disposeEngine = owned;
            var anchor = await CommonOptions.AnchorAsync(engine, parsed.GetValue(asOf), cancellationToken).ConfigureAwait(false);
            var request = new MetricRequest(
                Split(parsed.GetValue(metrics)),
                Split(parsed.GetValue(by)),
                parsed.GetValue(grain),
                (parsed.GetValue(filters) ?? []).Select(ParseFilter).ToList(),
                CommonOptions.ParsePeriod(parsed.GetValue(period)!, zone, anchor.AsOf),
                ParseComparison(parsed.GetValue(compare))) { QuantileIntervals = parsed.GetValue(intervals), LevelErrors = parsed.GetValue(intervals), Exact = parsed.GetValue(exact) };
            var fmt = parsed.GetValue(format)!;
            if (fmt is not ("table" or "csv" or "json" or "parquet"))
            {
                throw new UsageException($"--format must be table, csv, json or parquet, not '{fmt}'.");
            }
            var query = new MetricQuery(loaded, engine);
            if (parsed.GetValue(explain))
            {
                var plan = query.Plan(request);
                await context.HelpOutput.WriteLineAsync($"-- answered from: {plan.Answered}\n\n{plan.Explain()}").ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            var results = await query.RunAsync(request, cancellationToken).ConfigureAwait(false);
            if (CommonOptions.IncompleteNote(request.Period, anchor.DataEnd) is { } note)
            {
                await context.Error.WriteLineAsync(note).ConfigureAwait(false);
            }
            if (results.All(r => r.Value is null) || (anchor.DataEnd is { } end && DateOnly.FromDateTime(request.Period.Start) > end))
            {
                // An empty answer says why, on stderr so a CSV or JSON on stdout stays clean.
                await context.Error.WriteLineAsync(CommonOptions.EmptyReason(request.Period, anchor.DataEnd)).ConfigureAwait(false);
            }
            await QueryResultView.WriteAsync(context, loaded, request, results, fmt, parsed.GetValue(output), parsed.GetValue(language)!).ConfigureAwait(false);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static List<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static DimensionFilter ParseFilter(string text)
    {
        try
        {
            return DimensionFilter.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    private static Comparison ParseComparison(string? text) => text switch
    {
        null or "" or "none" => Comparison.None,
        "previous" or "previous-period" => Comparison.PreviousPeriod,
        "last-year" or "year" => Comparison.SamePeriodLastYear,
        "last-week" or "weekday" => Comparison.SameWeekdayLastWeek,
        _ => throw new UsageException($"--compare must be previous, last-year or last-week, not '{text}'."),
    };
}
