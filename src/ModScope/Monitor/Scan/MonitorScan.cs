namespace ModScope.Monitor.Scan;

/// <summary>Everything one scan judged: how many series, and the anomalies found in the judged window.</summary>
public sealed record MonitorScan(int SeriesScanned, IReadOnlyList<ScannedAlert> Alerts);
