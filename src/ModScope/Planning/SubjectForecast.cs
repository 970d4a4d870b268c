using ModScope.Planning.Forecasting;

namespace ModScope.Planning;

/// <summary>One subject's history (its last weeks, for charts) and its forecast.</summary>
public sealed record SubjectForecast(IReadOnlyDictionary<string, string> Subject, IReadOnlyList<DailyPoint> History, Forecast Forecast);
