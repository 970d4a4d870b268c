namespace ModScope.Monitor.Alerts;

/// <summary>What a monitor run did, recorded in <c>monitor_runs</c> (status ok, failed or skipped).</summary>
public sealed record MonitorRunSummary(DateOnly? Watermark, int SeriesScanned, int Opened, int Updated, string Status, string? Error);
