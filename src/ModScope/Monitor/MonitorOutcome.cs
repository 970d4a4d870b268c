using ModScope.Monitor.Alerts;

namespace ModScope.Monitor;

/// <summary>What <see cref="MonitorRunner.RunAsync"/> did: the run, the window judged, and the alerts it touched.</summary>
public sealed record MonitorOutcome(long RunId, DateOnly WindowStart, DateOnly WindowEnd, MonitorRunSummary Summary, IReadOnlyList<Alert> Alerts);
