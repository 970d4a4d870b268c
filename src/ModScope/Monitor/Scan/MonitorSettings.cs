using MathNet.Numerics.Distributions;

namespace ModScope.Monitor.Scan;

/// <summary>
/// What a monitor run scans: every catalogue metric over the total, each of <see cref="Dimensions"/> and each of
/// <see cref="Pairs"/> (where the metric allows them), daily, with <see cref="HistoryDays"/> of history before the
/// judged window. Segments whose typical daily volume is below <see cref="MinDailyVolume"/> are skipped: their
/// series is mostly noise, and the sampling test would silence them anyway.
/// </summary>
public sealed record MonitorSettings
{
    public IReadOnlyList<string> Dimensions { get; init; } = ["region", "market", "site", "policy", "decided_by", "object_type", "detection_source"];

    public IReadOnlyList<(string First, string Second)> Pairs { get; init; } = [("decided_by", "policy"), ("market", "decided_by"), ("site", "policy")];

    public int HistoryDays { get; init; } = 120;

    public double MinDailyVolume { get; init; } = 100;

    /// <summary>
    /// Fewest trials (a trailing week of audits, or a day's denominator for a census ratio) behind a proportion before
    /// it may alert; below it the sampling test's normal approximation is too rough. A site's week is about 190
    /// audited enforcements in the demo data, so 100 keeps site-level QA monitorable.
    /// </summary>
    public double MinSampleSize { get; init; } = 100;

    /// <summary>Weekly season for daily series (same weekday, DOMAIN.md 1.10).</summary>
    public int Period { get; init; } = 7;

    /// <summary>
    /// Fewest productive moderator hours a segment typically staffs a day before a metric that reads the staffing
    /// table (cost per decision, decisions per productive hour, utilisation) is judged daily in it. Below it a team is
    /// a handful of moderators, and one day off or one extra shift moves those metrics by a tenth or more: roster noise
    /// no band learnt from a few months can tell from a problem. 60 hours is about ten moderators' productive shifts.
    /// </summary>
    public double MinDailyStaffHours { get; init; } = 60;

    /// <summary>
    /// The metric whose denominator is productive hours (read for <see cref="MinDailyStaffHours"/>); null takes the
    /// catalogue's <c>staffing_hours</c> role.
    /// </summary>
    public string? StaffHoursMetric { get; init; }

    /// <summary>Relative move below which a statistically clear change is still too small to be worth an alert.</summary>
    public double MinRelativeImpact { get; init; } = 0.02;

    /// <summary>
    /// Sampling-noise z-score a change must reach in a monitor scan (a single series, as <c>detect</c> judges it, needs
    /// <see cref="Detection.DetectorSettings.SamplingZ"/>). A scan tests every series every day, so its level comes from
    /// the scan's false-alarm budget rather than from one series: at most one alert per 100 series per 30 days (the
    /// monitor's quiet-data target) is a one-sided level of 1/3000 per series and day, z = Φ⁻¹(1 − 1/3000) ≈ 3.40.
    /// </summary>
    public double SamplingZ { get; init; } = Normal.InvCDF(0.0, 1.0, 1.0 - (1.0 / 3000.0));

    /// <summary>
    /// Full ISO weeks in a row a segment with a target of its own must miss it before the monitor raises a target alert
    /// (<c>Monitor.Targets.TargetMissFinder</c>); 0 turns target alerts off.
    /// </summary>
    public int TargetWeeks { get; init; } = 3;
}
