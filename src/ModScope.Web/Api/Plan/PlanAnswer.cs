namespace ModScope.Web.Api.Plan;

/// <summary>
/// <c>/api/plan</c>: the forecast of the volume per market or queue with its prediction bands, and required against
/// scheduled hours per site and day with the days at SLA risk, from the day after <see cref="LastDay"/>.
/// </summary>
internal sealed record PlanAnswer(
    DateOnly LastDay,
    string LastDayText,
    int HorizonDays,
    string Metric,
    string MetricName,
    double IntervalLevel,
    string BandName,
    string By,
    string ByName,
    IReadOnlyList<ForecastView> Forecasts,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<SiteDayView> Sites,
    string Summary);

/// <summary>One subject's recent history and its forecast.</summary>
internal sealed record ForecastView(string Id, string Name, IReadOnlyList<HistoryDay> History, IReadOnlyList<ForecastDay> Points);

/// <summary>A day of history.</summary>
internal sealed record HistoryDay(DateOnly Day, string DayText, double Value);

/// <summary>A forecast day: the point (median) and the prediction interval.</summary>
internal sealed record ForecastDay(DateOnly Day, string DayText, double Value, double Lower, double Upper);

/// <summary>A site on a day ahead: scheduled hours needed at the targets, scheduled hours expected, and whether a queue is at SLA risk.</summary>
internal sealed record SiteDayView(string Site, DateOnly Day, string DayText, double Required, double Scheduled, double Gap, double Extra, int QueuesAtRisk)
{
    public bool AtRisk => QueuesAtRisk > 0;
}
