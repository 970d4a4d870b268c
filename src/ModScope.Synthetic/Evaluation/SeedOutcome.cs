namespace ModScope.Synthetic.Evaluation;

/// <summary>One generated data set's result: incidents found, alerts raised and how many of them were true.</summary>
public sealed record SeedOutcome(int Seed, bool Quiet, int Days, int SeriesScanned, int Alerts, int TrueAlerts, int WatermarkLagDays, IReadOnlyList<IncidentOutcome> Incidents)
{
    /// <summary>The alerts no incident explains (every alert of a quiet data set), for an analyst to read.</summary>
    public IReadOnlyList<Monitor.Alerts.AlertFinding> Unexplained { get; init; } = [];

    /// <summary>Alerts per 100 series per 30 days: the quiet-data false-alarm rate.</summary>
    public double AlertsPer100SeriesPer30Days => SeriesScanned == 0 || Days == 0 ? 0.0 : Alerts / (SeriesScanned / 100.0) / (Days / 30.0);
}
