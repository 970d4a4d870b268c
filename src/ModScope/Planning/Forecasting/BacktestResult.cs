namespace ModScope.Planning.Forecasting;

/// <summary>A rolling-origin backtest: scores per horizon week, and how many series and origins they pool.</summary>
public sealed record BacktestResult(IReadOnlyList<HorizonScore> Weeks, int Series, int Origins, double IntervalLevel);
