namespace ModScope.Synthetic.Evaluation;

/// <summary>
/// The totals over seeds: recall (incidents with a matching alert), precision (alerts that report a move an incident caused, on a metric it is about or one of its consequences),
/// median detection delay in days (alert day − incident start, plus the watermark lag a daily run waits for),
/// root cause in the top 1 and top 3 (among detected incidents that have a segment), and the quiet-data rate.
/// </summary>
public sealed record EvaluationReport(IReadOnlyList<SeedOutcome> Seeds)
{
    private IEnumerable<IncidentOutcome> Incidents => Seeds.Where(s => !s.Quiet).SelectMany(s => s.Incidents);

    public double? Recall => Ratio(Incidents.Count(i => i.Detected), Incidents.Count());

    public double? Precision => Ratio(Seeds.Where(s => !s.Quiet).Sum(s => s.TrueAlerts), Seeds.Where(s => !s.Quiet).Sum(s => s.Alerts));

    public double? MedianDelayDays
    {
        get
        {
            var delays = Seeds.Where(s => !s.Quiet).SelectMany(s => s.Incidents.Where(i => i.DelayDays is not null).Select(i => (double)(i.DelayDays!.Value + s.WatermarkLagDays))).Order().ToList();
            return delays.Count == 0 ? null : delays.Count % 2 == 1 ? delays[delays.Count / 2] : 0.5 * (delays[(delays.Count / 2) - 1] + delays[delays.Count / 2]);
        }
    }

    public double? RootCauseTop1 => RootCause(1);

    public double? RootCauseTop3 => RootCause(3);

    /// <summary>The worst quiet data set's alerts per 100 series per 30 days (null without a quiet run).</summary>
    public double? QuietAlertRate => Seeds.Where(s => s.Quiet).Select(s => (double?)s.AlertsPer100SeriesPer30Days).Max();

    private double? RootCause(int k)
    {
        var judged = Incidents.Where(i => i.Detected && i.HasSegment).ToList();
        return Ratio(judged.Count(i => i.RootCauseRank <= k), judged.Count);
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : part / (double)whole;
}
