namespace ModScope.Monitor.Detection;

/// <summary>
/// A level learned from a statistic's own recent history: the value it passes with a small probability (the risk),
/// on each side. Peaks over threshold (Pickands 1975; SPOT, Siffer et al. 2017): above the history's upper
/// <see cref="Share"/> quantile u, excesses are taken as exponential with the mean excess β as scale (its maximum
/// likelihood estimate), so P(X &gt; u + x) = share · e^(−x/β) and the level with risk q is u + β ln(share / q); the
/// lower side likewise. With <c>repeats</c>, a level is also never below the value the history reached that many
/// times: what a series did three times is ordinary for it, however its tail is modelled.
/// </summary>
internal sealed class TailLimit(int window, int repeats = 0)
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
        var stretch = Math.Log(k / (double)n / risk);
        var upperThreshold = _past.Ranked(n - 1 - k);
        var lowerThreshold = _past.Ranked(k);
        var upper = upperThreshold + ((_past.TailMean(k, upper: true) - upperThreshold) * stretch);
        var lower = lowerThreshold - ((lowerThreshold - _past.TailMean(k, upper: false)) * stretch);
        if (repeats > 0)
        {
            upper = Math.Max(upper, _past.Ranked(n - repeats));
            lower = Math.Min(lower, _past.Ranked(repeats - 1));
        }
        return (upper, lower);
    }
}
