using ModScope.Model;
using ModScope.Monitor.Calendar;
using ModScope.Planning.Forecasting;
using ModScope.Query;

namespace ModScope.Planning;

/// <summary>
/// Forecasts a metric per subject: reads its daily history through the query door, adds the calendar's events for the
/// subject's market, and runs <see cref="SeasonalForecaster"/> on each series.
/// </summary>
public sealed class SeriesForecasts(PlanningReader reader, EventCalendar calendar)
{
    /// <summary>Days of history read (two years and a week: enough for yearly seasonality where the store has it).</summary>
    public const int HistoryDays = 737;

    /// <summary>The event calendar the forecasts use.</summary>
    public EventCalendar Calendar => calendar;

    /// <summary>Forecasts <paramref name="metric"/> by <paramref name="by"/> after the last day with data (on or before <paramref name="asOf"/>).</summary>
    /// <exception cref="PlanningException">The metric is a sampled rate, or no subject has enough history.</exception>
    public async Task<ForecastSet> ForecastAsync(string metric, IReadOnlyList<string> by, IReadOnlyList<DimensionFilter> filters,
        ForecastSettings settings, DateOnly? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var definition = reader.Query.Catalog.Metric(metric);
        if (definition.Sampled || definition.IsProportion)
        {
            throw new PlanningException($"'{metric}' is a rate; forecast a volume or a handling time (a count, sum or mean), such as {reader.Query.Catalog.Roles.Volume}.");
        }
        var last = await reader.LastDayAsync(filters, asOf, cancellationToken).ConfigureAwait(false);
        var history = await reader.DailyAsync(metric, by, filters, last.AddDays(1 - HistoryDays), last, cancellationToken).ConfigureAwait(false);
        var reference = reader.Query.Reference;
        var forecasts = new List<SubjectForecast>();
        var skipped = new List<string>();
        var trimmed = history.Select(s => Trimmed(s.Points)).ToArray();
        var fitted = new Forecast?[history.Count];
        using (PlanningTrace.Step($"forecast {history.Count} series of {metric}"))
        {
            // Each series is forecast on its own (a pure function of its points): on every core, kept in order.
            await Parallel.ForEachAsync(Enumerable.Range(0, history.Count), new ParallelOptions { CancellationToken = cancellationToken }, (i, _) =>
            {
                if (trimmed[i].Count >= settings.MinimumHistoryDays)
                {
                    var events = CalendarEvents.For(calendar, CalendarEvents.MarketOf(history[i].Subject, reference));
                    fitted[i] = SeasonalForecaster.Forecast(trimmed[i], events, settings);
                }
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }
        for (var i = 0; i < history.Count; i++)
        {
            if (fitted[i] is { } forecast)
            {
                forecasts.Add(new SubjectForecast(history[i].Subject, trimmed[i], forecast));
            }
            else
            {
                skipped.Add($"{history[i].Label} ({trimmed[i].Count} days)");
            }
        }
        if (forecasts.Count == 0)
        {
            throw new PlanningException(
                $"No series of '{metric}' has the {settings.MinimumHistoryDays} days of history a forecast needs (up to {last:yyyy-MM-dd}); " +
                (skipped.Count > 0 ? $"shortest: {string.Join("; ", skipped.Take(3))}." : "the store has none in scope."));
        }
        return new ForecastSet(metric, by, last, forecasts, skipped);
    }

    /// <summary>
    /// Rolling-origin backtest of the forecaster on <paramref name="metric"/> by <paramref name="by"/> over the store's
    /// history up to the last day with data: MASE and interval coverage per horizon week against seasonal naive.
    /// </summary>
    public async Task<BacktestResult> BacktestAsync(string metric, IReadOnlyList<string> by, IReadOnlyList<DimensionFilter> filters,
        BacktestSettings settings, DateOnly? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var last = await reader.LastDayAsync(filters, asOf, cancellationToken).ConfigureAwait(false);
        var history = await reader.DailyAsync(metric, by, filters, last.AddDays(1 - HistoryDays), last, cancellationToken).ConfigureAwait(false);
        var reference = reader.Query.Reference;
        var series = history
            .Select(s => new BacktestSeries(s.Label, Trimmed(s.Points), CalendarEvents.For(calendar, CalendarEvents.MarketOf(s.Subject, reference))))
            .ToList();
        var result = RollingOriginBacktest.Run(series, settings);
        return result.Origins > 0
            ? result
            : throw new PlanningException(
                $"No series of '{metric}' is long enough to backtest: it needs {settings.MinimumTrainingDays} days of training and {settings.HorizonWeeks * 7} days after (up to {last:yyyy-MM-dd}).");
    }

    /// <summary>The series from its first non-zero day (zeros before a queue opened are not history).</summary>
    private static List<DailyPoint> Trimmed(IReadOnlyList<DailyPoint> points)
    {
        var start = 0;
        while (start < points.Count && points[start].Value == 0)
        {
            start++;
        }
        return points.Skip(start).ToList();
    }
}
