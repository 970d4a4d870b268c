namespace ModScope.Planning.Forecasting;

/// <summary>One day's value of a daily series (a volume, a handling time).</summary>
public sealed record DailyPoint(DateOnly Day, double Value);
