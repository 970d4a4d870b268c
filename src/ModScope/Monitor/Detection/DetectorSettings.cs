namespace ModScope.Monitor.Detection;

/// <summary>
/// Settings of <see cref="SeriesDetector"/>. The defaults need no tuning: the sampling interval and the season are
/// found from the data, the band width from the spread of past residuals.
/// </summary>
public sealed record DetectorSettings
{
    /// <summary>Season length in sampling intervals (7 for daily data with a weekly cycle); null finds it from the data.</summary>
    public int? Period { get; init; }

    /// <summary>How the series' sampling noise is tested on top of its historic spread.</summary>
    public SeriesKind Kind { get; init; } = SeriesKind.Level;

    /// <summary>Past seasons whose same-phase values form the seasonal expectation (their median).</summary>
    public int SeasonalCycles { get; init; } = 8;

    /// <summary>Points in the local-level window; null: two seasons, between 14 and 48 points (16 without a season).</summary>
    public int? LevelWindow { get; init; }

    /// <summary>Past residuals whose interquartile range sets the band width.</summary>
    public int ScaleWindow { get; init; } = 256;

    /// <summary>Robust z-score (residual / residual spread) at which a single point opens an alert.</summary>
    public double AlertZ { get; init; } = 4.5;

    /// <summary>
    /// Past points from which the series' own alert levels are learned (its residuals, its values, its window
    /// evidence); they apply from 200 points of history on, so a series of a few months of days keeps the fixed levels.
    /// </summary>
    public int TailWindow { get; init; } = 2000;

    /// <summary>Chance per point that the series' own normal behaviour passes a learned level (each side).</summary>
    public double AlertRisk { get; init; } = 1e-4;

    /// <summary>Allowance k of the window evidence's CUSUM of rank normal scores, in standard deviations.</summary>
    public double WindowAllowance { get; init; } = 0.5;

    /// <summary>
    /// Points an alert may last before it is taken as a change of regime: the learned ranges and ranks start again from
    /// the new behaviour (0 = never). Learned levels also take a statistic's values only twice this many points later.
    /// </summary>
    public int RelearnPoints { get; init; } = 48;

    /// <summary>
    /// Anomalous points (evidence at least half the threshold) an alert needs before it is raised, when its onset is a
    /// single point below <see cref="ImmediateEvidence"/> times the threshold; evidence accumulated over points (a
    /// CUSUM) is raised at once. 1 raises every onset at once.
    /// </summary>
    public int ConfirmPoints { get; init; } = 2;

    /// <summary>
    /// Evidence (as a multiple of the threshold) at which a single point alerts without confirmation: 4/3, so at the
    /// default <see cref="AlertZ"/> a point 6 robust standard deviations out alerts at once.
    /// </summary>
    public double ImmediateEvidence { get; init; } = 4.0 / 3.0;

    /// <summary>Sampling-noise z-score a change must also reach (binomial or Poisson), so a thin sample cannot alert.</summary>
    public double SamplingZ { get; init; } = 3.0;

    /// <summary>
    /// Fewest trials behind a proportion before it may alert at all (DOMAIN.md 1.10 suggests 200 audited items):
    /// below it the normal approximation and the estimate itself are too rough. 0 turns the gate off.
    /// </summary>
    public double MinSampleSize { get; init; }

    /// <summary>
    /// Whether the CUSUM looks for level shifts. Off for a series that is already a moving sum (a trailing-week
    /// pooled rate): its consecutive points share most of their data, so a CUSUM would count the same evidence again
    /// and again; the pooling itself accumulates a sustained shift.
    /// </summary>
    public bool LevelShifts { get; init; } = true;

    /// <summary>CUSUM allowance k and decision limit h, in robust standard deviations (Page 1954), for level shifts.</summary>
    public double CusumAllowance { get; init; } = 1.0;

    /// <inheritdoc cref="CusumAllowance"/>
    public double CusumLimit { get; init; } = 8.0;

    /// <summary>Past values further out than this many spreads are pulled in before they enter the baseline.</summary>
    public double ClipZ { get; init; } = 3.0;

    /// <summary>Band widening on days a calendar expects to be unusual.</summary>
    public double KnownEventWidening { get; init; } = 3.0;

    /// <summary>On a known event's days, a move of up to this share of the expected value never alerts (1 = ±100%).</summary>
    public double KnownEventAllowance { get; init; } = 1.0;

    /// <summary>Valid past points needed before any point is judged.</summary>
    public int MinHistory { get; init; } = 24;

    /// <summary>Consecutive calm points that close an open alert; until then it is the same alert.</summary>
    public int QuietPointsToClose { get; init; } = 3;

    /// <summary>Checks the settings, naming the first that is out of range.</summary>
    public DetectorSettings Validated()
    {
        Require(Period is null or >= 2, nameof(Period), "at least 2 when given");
        Require(SeasonalCycles >= 1, nameof(SeasonalCycles), "at least 1");
        Require(LevelWindow is null or >= 1, nameof(LevelWindow), "at least 1 when given");
        Require(ScaleWindow >= 8, nameof(ScaleWindow), "at least 8");
        Require(AlertZ > 0, nameof(AlertZ), "positive");
        Require(SamplingZ > 0, nameof(SamplingZ), "positive");
        Require(TailWindow >= 200, nameof(TailWindow), "at least 200");
        Require(AlertRisk is > 0 and < 0.05, nameof(AlertRisk), "between 0 and 0.05");
        Require(WindowAllowance >= 0, nameof(WindowAllowance), "zero or more");
        Require(RelearnPoints >= 0, nameof(RelearnPoints), "zero or more");
        Require(ConfirmPoints >= 1, nameof(ConfirmPoints), "at least 1");
        Require(ImmediateEvidence >= 1, nameof(ImmediateEvidence), "at least 1");
        Require(ClipZ > 0, nameof(ClipZ), "positive");
        Require(CusumAllowance >= 0, nameof(CusumAllowance), "zero or more");
        Require(CusumLimit > 0, nameof(CusumLimit), "positive");
        Require(KnownEventWidening >= 1, nameof(KnownEventWidening), "at least 1");
        Require(KnownEventAllowance >= 0, nameof(KnownEventAllowance), "zero or more");
        Require(MinHistory >= 3, nameof(MinHistory), "at least 3");
        Require(QuietPointsToClose >= 1, nameof(QuietPointsToClose), "at least 1");
        return this;
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"Detector setting {name} must be {rule}.", name);
        }
    }
}
