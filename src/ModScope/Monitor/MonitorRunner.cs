using System.Collections.Concurrent;
using ModScope.Catalog;
using ModScope.Monitor.Explanation;
using ModScope.Monitor.Findings;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Quality;
using ModScope.Monitor.Scan;
using ModScope.Monitor.Targets;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Monitor;

/// <summary>
/// One monitor run: data-quality checks and watermarks, the metric scan up to the last complete day, suppression of
/// metric alerts a data alert explains or a broader alert of the same anomaly holds (<see cref="NestedAlerts"/>), explanations for the largest alerts, and the alerts stored with their
/// lifecycle. Every run is recorded in <c>monitor_runs</c>; a failed or skipped run also raises a data alert.
/// </summary>
public sealed class MonitorRunner(ModScopeStore store, MetricCatalog catalog, MetricQuery query)
{
    public MonitorSettings Settings { get; init; } = new();

    public QualitySettings Quality { get; init; } = new();

    public EventCalendar Calendar { get; init; } = EventCalendar.Empty;

    /// <summary>How many of the largest new metric alerts get an explanation during the run (others on demand).</summary>
    public int ExplainTop { get; init; } = 10;

    public IProgress<string>? Progress { get; init; }

    /// <summary>Days back inside the band after which an open alert resolves itself (<see cref="AlertLifecycle"/>); 0 turns it off.</summary>
    public int AutoResolveDays { get; init; } = 3;

    /// <summary>
    /// The engine holding the event data when they are not in <c>store</c> (ClickHouse), or null. Then the watermarks and
    /// the data-quality checks read through this engine (with the same findings as on DuckDB); alerts and runs stay in the store.
    /// </summary>
    public IMetricEngine? DataEngine { get; init; }

    public async Task<MonitorOutcome> RunAsync(DateOnly asOf, int backfillDays, CancellationToken cancellationToken = default)
    {
        var alerts = new AlertStore(store);
        var runId = alerts.StartRun(asOf);
        try
        {
            Progress?.Report("checking data quality");
            var marks = DataEngine is not null
                ? await DataQualityChecks.WatermarksAsync(DataEngine, asOf, Quality, cancellationToken).ConfigureAwait(false)
                : await DataQualityChecks.WatermarksAsync(store, asOf, Quality, cancellationToken).ConfigureAwait(false);
            var watermark = marks.FirstOrDefault(w => w.Source == "decisions")?.CompleteThrough;
            var (windowStart, windowEnd) = MonitorWindow.For(asOf, backfillDays, watermark);
            // A backfill judges the data of all its days too, not only the checks' usual recent days.
            var qualitySettings = Quality with { Days = Math.Max(Quality.Days, backfillDays), ReportingCurrency = catalog.ReportingCurrency };
            var quality = DataEngine is not null
                ? await DataQualityChecks.RunAsync(DataEngine, asOf, qualitySettings, Calendar, cancellationToken).ConfigureAwait(false)
                : await DataQualityChecks.RunAsync(store, asOf, qualitySettings, Calendar, cancellationToken).ConfigureAwait(false);
            var data = quality.Where(f => f.Day is null || f.Day >= windowStart).Select(f => (Source: f, Alert: QualityAlerts.ToFinding(f, asOf))).ToList();
            var findings = data.Select(d => d.Alert).ToList();
            var scanner = new MonitorScanner(catalog, query, Settings)
            {
                EventOn = SegmentEvents.For(Calendar),
                Rebaselines = alerts.Rebaselines(),
                Progress = Progress,
            };
            var scan = await scanner.ScanAsync(windowStart, windowEnd, cancellationToken).ConfigureAwait(false);
            var scanned = scan.SeriesScanned;
            // Each market's region as the data's reference data (the store's, or the cluster's) has it at the end of the window.
            var regionOf = query.Reference.Current(windowEnd).RegionByMarket();
            var reach = await SiteReach.LoadAsync(query, windowStart, windowEnd, regionOf, cancellationToken).ConfigureAwait(false);
            var metricFindings = NestedAlerts.Group(scan.Alerts.Select(a => a.Finding with
            {
                SuppressedBy = QualityAlerts.Explaining(a.Finding, a.Metric.IsCount, data, reach),
            }).ToList(), regionOf).ToList();
            var explainer = new AlertExplainer(catalog, query, AlertExplainer.DrillOrder);
            var ranked = metricFindings.Where(f => f.SuppressedBy is null).OrderByDescending(f => f.Rank).Take(ExplainTop).ToList();
            if (ranked.Count > 0)
            {
                Progress?.Report(ranked.Count == 1 ? "explaining the alert" : $"explaining the {ranked.Count} largest alerts");
            }
            // Explanations are independent: two at a time, so one's statements run while the other's results are weighed.
            var explanations = new ConcurrentDictionary<AlertFinding, string>(ReferenceEqualityComparer.Instance);
            await Parallel.ForEachAsync(ranked, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, async (f, token) =>
            {
                var explanation = await explainer.ExplainAsync(f, metricFindings.Where(h => ReferenceEquals(h.SuppressedBy, f)), token).ConfigureAwait(false);
                explanations[f] = explanation.ToJson();
            }).ConfigureAwait(false);
            var explained = new Dictionary<AlertFinding, AlertFinding>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < metricFindings.Count; i++)
            {
                if (explanations.TryGetValue(metricFindings[i], out var json))
                {
                    var f = metricFindings[i];
                    metricFindings[i] = explained[f] = f with { Explanation = json };
                }
            }
            // Alerts held under an explained alert point at its new record, so the store can link them.
            metricFindings = metricFindings.Select(f => f.SuppressedBy is { } by && explained.TryGetValue(by, out var now) ? f with { SuppressedBy = now } : f).ToList();
            findings.AddRange(metricFindings);
            if (Settings.TargetWeeks > 0)
            {
                findings.AddRange(await new TargetMissFinder(catalog, query) { Weeks = Settings.TargetWeeks }.FindAsync(windowEnd, cancellationToken).ConfigureAwait(false));
            }
            var (opened, updated) = alerts.Upsert(findings, runId, windowStart, windowEnd);
            var summary = new MonitorRunSummary(watermark, scanned, opened, updated, "ok", null);
            alerts.FinishRun(runId, summary);
            new AlertLifecycle(store) { AutoResolveDays = AutoResolveDays }.Apply(asOf);
            var touched = alerts.List().Where(a => a.Finding.LastDay >= windowStart && a.Finding.FirstDay <= asOf).OrderByDescending(a => a.Finding.Rank).ToList();
            return new MonitorOutcome(runId, windowStart, windowEnd, summary, touched);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            alerts.FinishRun(runId, new MonitorRunSummary(null, 0, 0, 0, "failed", ex.Message));
            alerts.Upsert([RunProblem("monitor_run_failed", asOf, $"The monitor run {runId} failed: {ex.Message}") with
            {
                Facts = FindingFacts.Of("run_failed", ("run", FindingFacts.Count(runId)), ("error", FindingFacts.Text(ex.Message))),
            }], runId, asOf, asOf);
            throw;
        }
    }

    private static AlertFinding RunProblem(string subject, DateOnly day, string message) =>
        new(AlertKind.Data, subject, "", day, day, AlertSeverity.Critical, 0, 1.0, "monitor_run", message);
}
