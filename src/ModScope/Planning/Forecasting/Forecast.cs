namespace ModScope.Planning.Forecasting;

/// <summary>A series' forecast and what the model used, so a page or report can say how it was made.</summary>
/// <param name="Points">One point per day after the history, <see cref="ForecastSettings.HorizonDays"/> of them.</param>
/// <param name="HistoryDays">Days of history fitted.</param>
/// <param name="Yearly">Whether yearly seasonality was fitted (history of two years or more).</param>
/// <param name="Trend">Whether a (damped) trend was fitted.</param>
/// <param name="Spread">Robust standard deviation of the fit's residuals on the log scale (0.05 ≈ ±5% a day).</param>
/// <param name="Events">The event families in the history or the horizon and how each was treated.</param>
public sealed record Forecast(
    IReadOnlyList<ForecastPoint> Points,
    int HistoryDays,
    bool Yearly,
    bool Trend,
    double Spread,
    IReadOnlyList<EventUse> Events);
