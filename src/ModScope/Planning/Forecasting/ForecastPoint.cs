namespace ModScope.Planning.Forecasting;

/// <summary>
/// One forecast day: <see cref="Value"/> is the median (the point forecast that minimises absolute error),
/// <see cref="Mean"/> the expected value (what workload sums need), <see cref="Lower"/>–<see cref="Upper"/> the
/// prediction interval at the settings' level.
/// </summary>
public sealed record ForecastPoint(DateOnly Day, double Value, double Mean, double Lower, double Upper);
