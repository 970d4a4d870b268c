namespace ModScope.Monitor.Detection;

/// <summary>
/// A level learned from a statistic's own recent history: the value it passes with a small probability (the risk),
/// on each side. Peaks over threshold (Pickands 1975; SPOT, Siffer et al. 2017): above the history's upper
/// <see cref="Share"/> quantile u, excesses are taken as exponential with the mean excess β as scale (its maximum
/// likelihood estimate), so P(X &gt; u + x) = share · e^(−x/β) and the level with risk q is u + β ln(share / q); the
/// lower side likewise. With <c>farTail</c> the same is also done over the top <see cref="MinExceedances"/> values
/// alone and the wider level kept: a mixture (noise plus rare bursts) has a far tail the 5% tail underestimates.
/// </summary>
internal sealed class TailLimit(int window, bool farTail = false)
{
    /// <summary>Share of the history that forms each tail.</summary>
    public const double Share = 0.05;

    /// <summary>Fewest values in a tail before its level is trusted (so 200 values of history).</summary>
    public const int MinExceedances = 10;

    private readonly RollingWindow _past = new(window);

    public int Count => _past.Count;

    public double Median => _past.Median;

    public double Max => _past.Ranked(_past.Count - 1);

    public double Min => _past.Ranked(0);

    public void Add(double value)
    {
        if (double.IsFinite(value))
        {
            _past.Add(value);
        }
    }

    public void Clear() => _past.Clear();

    /// <summary>
    /// The value passed with probability <paramref name="risk"/> above, and the one passed with that probability below
    /// (as a value, not a magnitude); NaN for both without enough history.
    /// </summary>
    public (double Upper, double Lower) Levels(double risk)
    {
        var n = _past.Count;
        var k = (int)(Share * n);
        if (k < MinExceedances)
        {
            return (double.NaN, double.NaN);
        }
        var (upper, lower) = Levels(k, risk);
        if (farTail)
        {
            // The far tail alone: rare recurring bursts (a nightly job) are too few to shape the 5% tail, but they are
            // its top values, and the level they keep reaching is ordinary for the series.
            var (farUpper, farLower) = Levels(MinExceedances, risk);
            (upper, lower) = (Math.Max(upper, farUpper), Math.Min(lower, farLower));
        }
        return (upper, lower);
    }

    /// <summary>Peaks over the k-th largest (smallest) value: u + β ln((k / n) / risk), β the mean excess.</summary>
    private (double Upper, double Lower) Levels(int k, double risk)
    {
        var n = _past.Count;
        var stretch = Math.Log(k / (double)n / risk);
        var upperThreshold = _past.Ranked(n - 1 - k);
        var lowerThreshold = _past.Ranked(k);
        return (upperThreshold + ((_past.TailMean(k, upper: true) - upperThreshold) * stretch),
            lowerThreshold - ((lowerThreshold - _past.TailMean(k, upper: false)) * stretch));
    }
}
