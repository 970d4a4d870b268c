using ModScope.Catalog;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Detection;

namespace ModScope.Monitor.Scan;

/// <summary>An anomaly the scan found in one series, with the finding to store and the series around it.</summary>
public sealed record ScannedAlert(SeriesKey Key, MetricDefinition Metric, AnomalyEpisode Episode, AlertFinding Finding, IReadOnlyList<PointVerdict> Series);
