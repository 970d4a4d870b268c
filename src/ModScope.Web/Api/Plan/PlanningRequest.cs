using System.Globalization;
using ModScope.Common;
using ModScope.Model;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Query;
using ModScope.Web.Access;

namespace ModScope.Web.Api.Plan;

/// <summary>
/// The Plan page's parameters checked (each mistake a 400 naming its parameter) and the planning objects that answer
/// them, over the query door within the caller's scope, so a scoped user plans only their markets and sites.
/// </summary>
internal sealed record PlanningRequest(string Language, IReadOnlyList<DimensionFilter> Filters, ForecastSettings Settings, DateOnly AsOf, ReferenceData Visible,
    PlanningReader Reader, SeriesForecasts Forecasts, PlanningMetrics Metrics)
{
    /// <summary>The longest horizon the page plans: the 1 to 8 weeks.</summary>
    public const int MaxHorizonDays = 56;

    public PlanBuilder Planner => new(Reader, Forecasts, Metrics);

    public OpportunityFinder Finder => new(Reader, Planner, Metrics);

    /// <summary>What an answer to this request depends on besides the data: the scope, filters, horizon and day.</summary>
    public string Key { get; private init; } = "";

    public static PlanningRequest Read(PlanParameters p, Dashboard dashboard, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(dashboard);
        var language = RequestReader.Language(p.Lang);
        var texts = (p.Filter ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
        var visible = dashboard.VisibleReference(scope);
        var filters = texts.Select(f => RequestReader.Filter(f, dashboard.Catalog, visible)).ToList();
        var settings = new ForecastSettings { HorizonDays = Horizon(p.Horizon) };
        var asOf = DateOnly.FromDateTime(string.IsNullOrWhiteSpace(p.AsOf) ? dashboard.DataNow().AddDays(-1) : RequestReader.Now(p.AsOf, dashboard));
        var reader = new PlanningReader(dashboard.Query.Within(scope));
        return new PlanningRequest(language, filters, settings, asOf, visible, reader, new SeriesForecasts(reader, dashboard.Calendar), PlanningMetrics.From(dashboard.Catalog.Roles))
        {
            Key = string.Join('\u001f', [scope.Text, string.Join(';', filters.Select(f => $"{f.Dimension}{f.Operator}{string.Join(',', f.Values)}")), settings.HorizonDays.ToString(CultureInfo.InvariantCulture), asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]),
        };
    }

    /// <summary>The horizon in days: <c>8w</c>, <c>28d</c> or a bare number of days, 1 to <see cref="MaxHorizonDays"/>; default 8 weeks.</summary>
    public static int Horizon(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return MaxHorizonDays;
        }
        var trimmed = text.Trim().ToLowerInvariant();
        var (digits, factor) = trimmed.EndsWith('w') ? (trimmed[..^1], 7) : trimmed.EndsWith('d') ? (trimmed[..^1], 1) : (trimmed, 1);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxHorizonDays && n * factor <= MaxHorizonDays
            ? n * factor
            : throw new BadParameterException("horizon", $"'{text}' is not a horizon; give days or weeks from 1 day to 8 weeks (8w, 28d, 14).", ProblemReason.Format("horizon", text, "1d..8w", "8w", "28d", "14"));
    }
}
