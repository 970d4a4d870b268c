namespace ModScope.Planning.Forecasting;

/// <summary>One series to backtest: its name, daily history and the calendar events that touch it.</summary>
public sealed record BacktestSeries(string Name, IReadOnlyList<DailyPoint> History, IReadOnlyList<ForecastEvent> Events);
