namespace ModScope.Monitor.Detection;

/// <summary>
/// Everything <see cref="DetectorRun"/> learns about what is normal for this particular series, from its own last
/// <see cref="DetectorSettings.TailWindow"/> points, once there are 200 of them (before that the fixed levels of the
/// settings alone apply):
/// <list type="bullet">
/// <item>how far its residuals reach on each side (<see cref="PointLimits"/>, in value units, so bursts the series
/// always has are learned even while its spread moves);</item>
/// <item>how far its level-shift CUSUM wanders (<see cref="CusumLimit"/>);</item>
/// <item>whether the recent points are more unusual than it usually is (<see cref="Window"/>);</item>
/// <item>whether a value lies beyond every value it has reached (<see cref="Range"/>).</item>
/// </list>
/// Each level is the one the series' own behaviour passes with probability <see cref="DetectorSettings.AlertRisk"/>,
/// so a learned level only ever raises a fixed one (<see cref="DetectorSettings.AlertZ"/>,
/// <see cref="DetectorSettings.CusumLimit"/>); the window and range evidence exist only where learned.
/// </summary>
internal sealed class LearnedLevels(DetectorSettings settings, int points)
{
    private readonly TailLimit[] _residuals = [.. Enum.GetValues<BaselineMethod>().Select(_ => new TailLimit(History(settings, points), farTail: true))];
    private readonly LearnedLimit _cusum = new(History(settings, points), 2 * settings.RelearnPoints);
    private readonly WindowEvidence _window = new(History(settings, points), settings.WindowAllowance, 2 * settings.RelearnPoints);
    private readonly RangeEvidence _range = new(History(settings, points));

    /// <summary>No history longer than the series itself is kept (a year of days needs no room for 2,000 values).</summary>
    private static int History(DetectorSettings settings, int points) => Math.Clamp(points, 1, settings.TailWindow);

    /// <summary>
    /// The robust z-scores (residual / <paramref name="spread"/>) that alert above and below: at least
    /// <see cref="DetectorSettings.AlertZ"/>. Each baseline method learns from its own residuals, as each keeps its own
    /// spread: a warm-up without a season must not teach the seasonal expectation how wrong it can be.
    /// </summary>
    public (double Upper, double Lower) PointLimits(BaselineMethod method, double spread)
    {
        var (upper, lower) = _residuals[(int)method].Levels(settings.AlertRisk);
        return double.IsFinite(upper)
            ? (Math.Max(settings.AlertZ, upper / spread), Math.Max(settings.AlertZ, -lower / spread))
            : (settings.AlertZ, settings.AlertZ);
    }

    /// <summary>The level-shift CUSUM's limit: at least <see cref="DetectorSettings.CusumLimit"/>.</summary>
    public double CusumLimit(double cusum, bool inAlert)
    {
        var level = _cusum.Level(settings.AlertRisk);
        _cusum.Add(cusum, inAlert);
        return double.IsFinite(level) ? Math.Max(settings.CusumLimit, level) : settings.CusumLimit;
    }

    /// <inheritdoc cref="WindowEvidence.Step"/>
    public double Window(double absoluteResidual, bool inAlert) => _window.Step(absoluteResidual, settings.AlertRisk, inAlert);

    /// <inheritdoc cref="RangeEvidence.Judge"/>
    public double Range(double value) => _range.Judge(value, settings.AlertRisk);

    /// <summary>Residuals of <paramref name="method"/> the point limits are learned from.</summary>
    public int Learned(BaselineMethod method) => _residuals[(int)method].Count;

    /// <summary>Records a judged point's value (after it was judged).</summary>
    public void Learn(double value) => _range.Add(value);

    /// <summary>Records a judged point's residual from one method's expectation.</summary>
    public void Learn(BaselineMethod method, double residual) => _residuals[(int)method].Add(residual);

    /// <summary>Forgets what one method's residuals taught (its expectation changed: a new season).</summary>
    public void Forget(BaselineMethod method) => _residuals[(int)method].Clear();

    /// <summary>An alert closed: the window evidence accumulates afresh.</summary>
    public void Reset() => _window.Reset();

    /// <summary>
    /// A lasting change: the range and the window evidence (ranks and level) start learning again from the new
    /// behaviour. The residual and CUSUM levels are kept: how far the series' noise reaches rarely changes with its level.
    /// </summary>
    public void Relearn()
    {
        _range.Clear();
        _window.Forget();
    }
}
