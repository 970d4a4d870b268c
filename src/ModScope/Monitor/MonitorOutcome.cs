using ModScope.Monitor.Alerts;

namespace ModScope.Monitor;

/// <summary>What <see cref="MonitorRunner.RunAsync"/> did: the run, the window judged, and the alerts it touched.</summary>
public sealed record MonitorOutcome(long RunId, DateOnly WindowStart, DateOnly WindowEnd, MonitorRunSummary Summary, IReadOnlyList<Alert> Alerts)
{
    /// <summary>
    /// What the data-quality checks could not judge on the engine holding the data (<see cref="MonitorRunner.DataEngine"/>),
    /// as one English sentence, or null when they judged everything.
    /// </summary>
    public string? QualityNote { get; init; }
}
