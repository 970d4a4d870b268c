using MathNet.Numerics.Distributions;

namespace ModScope.Planning.Forecasting;

/// <summary>
/// Daily forecast with prediction intervals. The model is a regression on log(1 + y): level, a damped trend, day of
/// week, yearly Fourier terms (with two years of history), and each calendar event family's uplift day by day of its
/// window; fitted by Huber-weighted least squares with weights halving every <see cref="ForecastSettings.HalfLifeDays"/>
/// so the level follows recent weeks. The point forecast is the back-transformed median, the mean its smearing
/// estimate (Duan 1983); the interval is the
/// t-interval of a new observation on the log scale, σ²(1 + xᵀ(AᵀA)⁻¹x), with σ the robust spread of the recent
/// residuals outside event windows, rescaled for the parameters the fit spent on them. Families the history never saw
/// get the calendar's uplift, or none.
/// </summary>
public static class SeasonalForecaster
{
    /// <summary>Recent days whose residuals set the interval's spread (sixteen weeks).</summary>
    private const int SpreadDays = 112;

    /// <summary>Forecasts <paramref name="settings"/>.HorizonDays days after the last day of <paramref name="history"/>.</summary>
    /// <exception cref="ArgumentException">The history is too short, unordered, repeats a day, or holds a negative or non-finite value.</exception>
    public static Forecast Forecast(IReadOnlyList<DailyPoint> history, IReadOnlyList<ForecastEvent> events, ForecastSettings settings)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        Check(history, settings);

        var design = new ForecastDesign(history, events, settings);
        var last = history[^1].Day;
        var rows = history.Select(p => design.Row(p.Day)).ToArray();
        var y = history.Select(p => Math.Log(1.0 + p.Value)).ToArray();
        var decay = Math.Log(2.0) / settings.HalfLifeDays;
        var weights = history.Select(p => Math.Exp(-decay * (last.DayNumber - p.Day.DayNumber))).ToArray();
        var inSpread = history.Select(p => last.DayNumber - p.Day.DayNumber < SpreadDays && !events.Any(e => e.Covers(p.Day))).ToArray();
        if (inSpread.Count(x => x) < 7)
        {
            inSpread = history.Select(_ => true).ToArray();
        }

        var fit = HuberRegression.Fit(rows, y, weights, inSpread, settings.HuberK);

        // The residuals are shrunk by the fit: rescale their spread by √(m/(m − p)), m the effective number of days
        // behind it (Kish, from the decaying weights) and p the columns other than event days, and use m − p degrees of freedom.
        var spreadWeights = weights.Where((_, i) => inSpread[i]).ToArray();
        var effective = Math.Pow(spreadWeights.Sum(), 2) / spreadWeights.Sum(w => w * w);
        var freedom = Math.Max(1.0, effective - design.BaseColumns);
        var spread = fit.Spread * Math.Sqrt(effective / freedom);
        var t = StudentT.InvCDF(0.0, 1.0, freedom, 1.0 - ((1.0 - settings.IntervalLevel) / 2.0));
        var smear = Smearing(fit, rows, y, spreadWeights, inSpread);
        var points = new List<ForecastPoint>(settings.HorizonDays);
        for (var h = 1; h <= settings.HorizonDays; h++)
        {
            var day = last.AddDays(h);
            var row = design.Row(day);
            var centre = fit.Predict(row);
            var prior = design.PriorFactor(day);
            var variance = spread * spread * (1.0 + fit.Leverage(row));
            var half = t * Math.Sqrt(variance);
            points.Add(new ForecastPoint(
                day,
                prior * Back(centre),
                prior * Math.Max(0.0, (Math.Exp(centre) * smear) - 1.0),
                prior * Back(centre - half),
                prior * Back(centre + half)));
        }

        return new Forecast(points, history.Count, design.Yearly, design.Trend, spread, Uses(design, fit, events, last, settings.HorizonDays));
    }

    private static double Back(double logValue) => Math.Max(0.0, Math.Exp(logValue) - 1.0);

    /// <summary>
    /// Duan's (1983) smearing factor: the mean of exp(residual) over the days that set the spread (recent, outside event
    /// windows), weighted as in the fit, so exp(x·β) times it is the expected 1 + y without assuming normal residuals on
    /// the log scale. exp(μ + σ²/2), the log-normal mean, overstated small counts (Poisson-like on log(1 + y), skewed to
    /// the left, with the robust fit's centre under their log mean): see the README's backtest bias.
    /// </summary>
    private static double Smearing(RegressionFit fit, double[][] rows, double[] y, double[] spreadWeights, bool[] inSpread)
    {
        var (sum, total, k) = (0.0, 0.0, 0);
        for (var i = 0; i < rows.Length; i++)
        {
            if (!inSpread[i])
            {
                continue;
            }

            var w = spreadWeights[k++];
            sum += w * Math.Exp(y[i] - fit.Predict(rows[i]));
            total += w;
        }

        return total > 0 ? sum / total : 1.0;
    }

    /// <summary>Each family in the history or the horizon: its source and mean factor over its window's days.</summary>
    private static List<EventUse> Uses(ForecastDesign design, RegressionFit fit, IReadOnlyList<ForecastEvent> events, DateOnly last, int horizon)
    {
        var end = last.AddDays(horizon);
        var uses = new List<EventUse>();
        foreach (var family in events.Select(e => e.Family).Distinct(StringComparer.Ordinal))
        {
            var occurrences = events.Where(e => e.Family == family).ToArray();
            if (!occurrences.Any(e => e.Start <= end))
            {
                continue;
            }

            if (design.SeenFamilies.Contains(family))
            {
                var window = occurrences[0];
                var factors = Enumerable.Range(0, window.End.DayNumber - window.Start.DayNumber + 1)
                    .Select(o => design.EventColumn(family, o) is { } column ? Math.Exp(fit.Coefficients[column]) : 1.0);
                uses.Add(new EventUse(family, EventSource.Estimated, factors.Average()));
            }
            else
            {
                var prior = occurrences.Select(e => e.Uplift).FirstOrDefault(u => u is > 0);
                uses.Add(prior is { } uplift ? new EventUse(family, EventSource.Calendar, uplift) : new EventUse(family, EventSource.Unknown, 1.0));
            }
        }

        return uses;
    }

    private static void Check(IReadOnlyList<DailyPoint> history, ForecastSettings settings)
    {
        if (history.Count < settings.MinimumHistoryDays)
        {
            throw new ArgumentException($"A forecast needs at least {settings.MinimumHistoryDays} days of history; got {history.Count}.", nameof(history));
        }

        for (var i = 0; i < history.Count; i++)
        {
            var point = history[i] ?? throw new ArgumentException($"History point {i} is null.", nameof(history));
            if (!double.IsFinite(point.Value) || point.Value < 0)
            {
                throw new ArgumentException($"History value on {point.Day:yyyy-MM-dd} is {point.Value}; values must be finite and not negative.", nameof(history));
            }

            if (i > 0 && point.Day <= history[i - 1].Day)
            {
                throw new ArgumentException($"History days must increase: {point.Day:yyyy-MM-dd} follows {history[i - 1].Day:yyyy-MM-dd}.", nameof(history));
            }
        }
    }
}
