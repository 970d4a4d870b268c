namespace ModScope.Web.Api.Plan;

/// <summary>
/// <c>/api/plan</c>: the forecast of the volume per market or queue with its prediction bands, and required against
/// scheduled hours per site and day with the days a deadline queue is at SLA risk, from the day after <see cref="LastDay"/>;
/// <see cref="Summary"/> says the deadline queues' risk, <see cref="LiveSummary"/> the live coverage's shortfall apart.
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
    string Summary,
    string LiveSummary);

/// <summary>One subject's recent history and its forecast.</summary>
internal sealed record ForecastView(string Id, string Name, IReadOnlyList<HistoryDay> History, IReadOnlyList<ForecastDay> Points);

/// <summary>A day of history.</summary>
internal sealed record HistoryDay(DateOnly Day, string DayText, double Value);

/// <summary>A forecast day: the point (median) and the prediction interval.</summary>
internal sealed record ForecastDay(DateOnly Day, string DayText, double Value, double Lower, double Upper);

/// <summary>
/// A site on a day ahead: scheduled hours the work needs at the targets, scheduled hours expected, its deadline queues
/// at SLA risk with the extra hours that would keep them, and apart the live coverage (someone on duty every hour for
/// the livestream queues) it needs and lacks. <see cref="Required"/> is the blended need (the coverage, or all the work
/// when that is more), <see cref="Gap"/> it less the scheduled hours.
/// </summary>
internal sealed record SiteDayView(string Site, DateOnly Day, string DayText, double Required, double Scheduled, double Gap, double Work, double Extra, int QueuesAtRisk,
    double LiveRequired, double LiveShort, int LiveQueuesAtRisk)
{
    /// <summary>A deadline queue misses its SLA that day.</summary>
    public bool AtRisk => QueuesAtRisk > 0;

    /// <summary>The live coverage is short that day: a livestream queue misses its SLA.</summary>
    public bool LiveAtRisk => LiveQueuesAtRisk > 0;
}
