using MathNet.Numerics.Distributions;

namespace ModScope.Monitor.Detection;

/// <summary>
/// Evidence accumulated over the recent points rather than one point, judged against the series' own history (the
/// idea of HTM's anomaly likelihood, Ahmad et al. 2017). Each point's |residual| becomes its normal score
/// Φ⁻¹(mid-rank among past |residuals|), standard normal while nothing changes whatever the tails, and a one-sided
/// CUSUM of those scores (Page 1954, allowance k) grows while the points stay more unusual than the series usually
/// is: a level shift, a bump, a change of variance, a burst of activity. Its alert level is learned from the CUSUM's
/// own history (<see cref="LearnedLimit"/>), so a series whose unusual points come in bursts learns how far its
/// bursts carry the CUSUM; until the level is learned the window says nothing.
/// </summary>
internal sealed class WindowEvidence(int history, double allowance, int delay)
{
    /// <summary>Past |residuals| needed before a rank means anything.</summary>
    private const int MinRanked = 50;

    private readonly RollingWindow _absolute = new(history);
    private readonly LearnedLimit _limit = new(history, delay);
    private double _sum;

    /// <summary>The CUSUM including <paramref name="absoluteResidual"/> over its learned level (1 = at the level); 0 without history.</summary>
    public double Step(double absoluteResidual, double risk, bool inAlert)
    {
        var n = _absolute.Count;
        var rank = _absolute.ShareBelow(absoluteResidual);
        _absolute.Add(absoluteResidual);
        if (n < MinRanked)
        {
            return 0.0;
        }
        var score = Normal.InvCDF(0.0, 1.0, Math.Clamp(rank, 0.5 / n, 1.0 - (0.5 / n)));
        _sum = Math.Max(0.0, _sum + score - allowance);
        var level = _limit.Level(risk);
        _limit.Add(_sum, inAlert);
        // Never below the level independent scores would need: a CUSUM of N(0, 1) scores with allowance k is
        // exceeded at h with probability about e^(−2kh) per point (its stationary tail), so h = ln(1/risk) / 2k.
        var floor = Math.Log(1.0 / risk) / (2.0 * Math.Max(allowance, 0.05));
        return double.IsFinite(level) ? _sum / Math.Max(floor, level) : 0.0;
    }

    /// <summary>Starts accumulating afresh (an alert closed).</summary>
    public void Reset() => _sum = 0.0;

    /// <summary>Forgets the ranks and the learned level (the series changed regime).</summary>
    public void Forget()
    {
        _absolute.Clear();
        _limit.Clear();
        _sum = 0.0;
    }
}
