namespace ModScope.Planning.Forecasting;

/// <summary>Rolling-origin evaluation: where the first origin sits, how far apart origins are, and how far ahead each forecasts.</summary>
public sealed record BacktestSettings
{
    /// <summary>History before the first origin (eight weeks).</summary>
    public int MinimumTrainingDays { get; init; } = 56;

    /// <summary>Days between origins (a week, so every weekday starts a forecast as often).</summary>
    public int OriginStepDays { get; init; } = 7;

    /// <summary>Weeks ahead scored (1–4 weeks: horizon week w holds days 7(w−1)+1 … 7w).</summary>
    public int HorizonWeeks { get; init; } = 4;

    /// <summary>The forecaster's settings (its horizon is set to <see cref="HorizonWeeks"/> weeks).</summary>
    public ForecastSettings Forecast { get; init; } = new();

    /// <summary>Checks the settings, naming the first that is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public BacktestSettings Validated()
    {
        if (MinimumTrainingDays < Forecast.MinimumHistoryDays)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumTrainingDays), $"Backtest setting MinimumTrainingDays must be at least the forecast's MinimumHistoryDays ({Forecast.MinimumHistoryDays}).");
        }

        if (OriginStepDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(OriginStepDays), "Backtest setting OriginStepDays must be at least 1.");
        }

        if (HorizonWeeks is < 1 or > 52)
        {
            throw new ArgumentOutOfRangeException(nameof(HorizonWeeks), "Backtest setting HorizonWeeks must be between 1 and 52.");
        }

        Forecast.Validated();
        return this;
    }
}
