namespace ModScope.Planning.Forecasting;

/// <summary>Settings of <see cref="SeasonalForecaster"/>; the defaults suit daily moderation volumes and handling times.</summary>
public sealed record ForecastSettings
{
    /// <summary>Days ahead to forecast.</summary>
    public int HorizonDays { get; init; } = 56;

    /// <summary>Central coverage of the prediction interval (0.8 = the 10th to the 90th percentile).</summary>
    public double IntervalLevel { get; init; } = 0.8;

    /// <summary>Fewest days of history a forecast is made from (three weeks give each weekday three values).</summary>
    public int MinimumHistoryDays { get; init; } = 21;

    /// <summary>History needed before yearly seasonality is fitted (two years, as Prophet's automatic setting).</summary>
    public int YearlyMinimumDays { get; init; } = 730;

    /// <summary>Fourier pairs of the yearly seasonality.</summary>
    public int YearlyOrder { get; init; } = 3;

    /// <summary>History needed before a trend is fitted.</summary>
    public int TrendMinimumDays { get; init; } = 56;

    /// <summary>Per-day damping of the trend ahead of the last day (Gardner and McKenzie's damped trend).</summary>
    public double TrendDamping { get; init; } = 0.98;

    /// <summary>Half-life, in days, of the weight an observation keeps as it ages, so the level follows recent weeks.</summary>
    public double HalfLifeDays { get; init; } = 120;

    /// <summary>Huber's tuning constant in robust spreads: residuals beyond it are down-weighted (outliers, incidents).</summary>
    public double HuberK { get; init; } = 1.345;

    /// <summary>Checks the settings, naming the first that is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and the rule.</exception>
    public ForecastSettings Validated()
    {
        Require(HorizonDays is >= 1 and <= 366, nameof(HorizonDays), "between 1 and 366");
        Require(IntervalLevel is > 0 and < 1, nameof(IntervalLevel), "strictly between 0 and 1");
        Require(MinimumHistoryDays >= 14, nameof(MinimumHistoryDays), "at least 14");
        Require(YearlyMinimumDays >= 365, nameof(YearlyMinimumDays), "at least 365");
        Require(YearlyOrder is >= 1 and <= 10, nameof(YearlyOrder), "between 1 and 10");
        Require(TrendMinimumDays >= 14, nameof(TrendMinimumDays), "at least 14");
        Require(TrendDamping is > 0 and <= 1, nameof(TrendDamping), "in (0, 1]");
        Require(HalfLifeDays > 0, nameof(HalfLifeDays), "positive");
        Require(HuberK > 0, nameof(HuberK), "positive");
        return this;
    }

    private void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"Forecast setting {name} must be {rule}.");
        }
    }
}
