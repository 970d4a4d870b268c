using System.CommandLine;
using System.Globalization;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Calendar;
using ModScope.Planning;
using ModScope.Query;

namespace ModScope.Cli.Commands;

/// <summary>
/// Options shared by <c>forecast</c>, <c>plan</c> and <c>opportunities</c> (horizon, as-of, filters, format, store,
/// catalogue, engine), and opening what they read through: the query door over the chosen engine.
/// </summary>
internal sealed class PlanningOptions
{
    public Option<string> Horizon { get; } = new("--horizon") { Description = "Days or weeks ahead: 8w, 28d, 14 (days); 1 to 366 days.", DefaultValueFactory = _ => "8w" };
    public Option<DateTime?> AsOf { get; } = new("--as-of") { Description = "Plan from the last day with data on or before this date (default: today)." };
    public Option<string[]> Filters { get; } = new("--filter") { Description = "Filters: market=ID, site=KUL-ALPHA,MNL-BRAVO, queue!=ID-live (repeatable)." };
    public Option<string> Format { get; } = new("--format") { Description = "Output: table, csv or json.", DefaultValueFactory = _ => "table" };
    public Option<string?> Output { get; } = new("--out") { Description = "Write csv or json to this file instead of the terminal." };
    public Option<string> Language { get; } = CommonOptions.Language();
    public Option<string> Store { get; } = CommonOptions.Store();
    public Option<string?> Catalog { get; } = CatalogOption.Create();
    private readonly EngineOption _engine = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Horizon, AsOf, Filters, Format, Output, Language, Store, Catalog })
        {
            command.Options.Add(option);
        }
        _engine.AddTo(command);
    }

    /// <summary>The horizon in days: <c>8w</c>, <c>28d</c> or a bare number of days.</summary>
    public static int ParseHorizon(string text)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var (digits, factor) = trimmed.EndsWith('w') ? (trimmed[..^1], 7) : trimmed.EndsWith('d') ? (trimmed[..^1], 1) : (trimmed, 1);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n * factor is >= 1 and <= 366
            ? n * factor
            : throw new UsageException($"--horizon must be days or weeks between 1 day and 366 days (8w, 28d, 14), not '{text}'.");
    }

    /// <summary>The checked output format.</summary>
    public string FormatOf(ParseResult parsed)
    {
        var format = parsed.GetValue(Format)!;
        return format is "table" or "csv" or "json" ? format : throw new UsageException($"--format must be table, csv or json, not '{format}'.");
    }

    public IReadOnlyList<DimensionFilter> FiltersOf(ParseResult parsed) =>
        (parsed.GetValue(Filters) ?? []).Select(text =>
        {
            try
            {
                return DimensionFilter.Parse(text);
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message, ex);
            }
        }).ToList();

    public DateOnly? AsOfOf(ParseResult parsed) => parsed.GetValue(AsOf) is { } asOf ? DateOnly.FromDateTime(asOf) : null;

    /// <summary>Opens the engine and the readers over it; dispose the result to close what was opened.</summary>
    public Opened Open(ParseResult parsed)
    {
        var catalog = CatalogOption.Load(parsed.GetValue(Catalog));
        var engine = _engine.OpenEngine(parsed, () => CommonOptions.OpenExistingStore(parsed.GetValue(Store)!), out var owned);
        var query = new MetricQuery(catalog, engine);
        var reader = new PlanningReader(query);
        var forecasts = new SeriesForecasts(reader, EventCalendar.LoadLocalOrDefault(query.Reference.Markets));
        return new Opened(catalog, reader, forecasts, query.Reference, owned);
    }

    internal sealed record Opened(MetricCatalog Catalog, PlanningReader Reader, SeriesForecasts Forecasts, ReferenceData Reference, IDisposable? Owned) : IDisposable
    {
        /// <summary>Planning's metrics from the catalogue's roles (a catalogue without them is told which is missing).</summary>
        public PlanningMetrics Metrics => PlanningMetrics.From(Catalog.Roles);

        public PlanBuilder Planner => new(Reader, Forecasts, Metrics);

        public void Dispose() => Owned?.Dispose();
    }
}
