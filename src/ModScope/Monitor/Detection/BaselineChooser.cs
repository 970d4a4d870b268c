namespace ModScope.Monitor.Detection;

/// <summary>
/// Picks, before each point, the expectation whose recent predictions were best: an exponentially weighted mean
/// absolute error (about the last 64 points) per method, fed with the clipped values the baseline keeps. A
/// seasonal series picks the seasonal median, a stable one the level median, a random walk the recent median.
/// The recent median must be clearly better (20% smaller error) to be chosen: it follows every move, so it would
/// otherwise swallow a level shift within three points of its start.
/// </summary>
internal sealed class BaselineChooser
{
    private const double Weight = 1.0 / 64.0;
    private const double RecentAdvantage = 0.8;
    private const int MinScored = 8;
    private readonly double[] _error = new double[3];
    private readonly int[] _scored = new int[3];

    public BaselineMethod Choose(bool seasonalAvailable)
    {
        var (level, recent, seasonal) = ((int)BaselineMethod.Level, (int)BaselineMethod.Recent, (int)BaselineMethod.Seasonal);
        if (seasonalAvailable && _scored[seasonal] < MinScored)
        {
            // A season was found in the history: trust it until it has a track record.
            return BaselineMethod.Seasonal;
        }
        var best = BaselineMethod.Level;
        var bestError = _scored[level] >= MinScored ? _error[level] : double.PositiveInfinity;
        if (seasonalAvailable && _error[seasonal] < bestError)
        {
            (best, bestError) = (BaselineMethod.Seasonal, _error[seasonal]);
        }
        if (_scored[recent] >= MinScored && double.IsFinite(bestError) && _error[recent] < RecentAdvantage * bestError)
        {
            best = BaselineMethod.Recent;
        }
        return best;
    }

    public void Score(BaselineMethod method, double predicted, double actual)
    {
        if (!double.IsFinite(predicted))
        {
            return;
        }
        var i = (int)method;
        var error = Math.Abs(actual - predicted);
        _error[i] = _scored[i] == 0 ? error : _error[i] + (Weight * (error - _error[i]));
        _scored[i]++;
    }

    /// <summary>Forgets the seasonal track record (the season changed).</summary>
    public void ResetSeasonal()
    {
        _error[(int)BaselineMethod.Seasonal] = 0.0;
        _scored[(int)BaselineMethod.Seasonal] = 0;
    }
}
