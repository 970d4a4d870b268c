using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Monitor;
using ModScope.Monitor.Explanation;
using ModScope.Ingest;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Quality;
using ModScope.Monitor.Scan;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Synthetic.Evaluation;

/// <summary>
/// Generates data with the generator's labelled incidents (and a quiet data set), loads each into its own store,
/// runs the monitor over every day after the warm-up and scores the alerts with <see cref="IncidentMatcher"/>. The
/// detector judges each day only from the days before it, so one backfill run gives the verdicts of daily runs; the
/// delay adds the watermark lag a daily run waits for.
/// </summary>
public sealed class MonitorEvaluation(MetricCatalog catalog, EventCalendar calendar, QualitySettings quality)
{
    public IProgress<string>? Progress { get; init; }

    public async Task<EvaluationReport> RunAsync(EvaluationSettings settings, string workDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var seeds = new List<SeedOutcome>();
        foreach (var seed in settings.Seeds)
        {
            seeds.Add(await RunOneAsync(settings, seed, quiet: false, workDirectory, cancellationToken).ConfigureAwait(false));
        }
        if (settings.Quiet && settings.Seeds.Count > 0)
        {
            seeds.Add(await RunOneAsync(settings, settings.Seeds[0], quiet: true, workDirectory, cancellationToken).ConfigureAwait(false));
        }
        return new EvaluationReport(seeds);
    }

    /// <summary>
    /// The checks of loads (quarantine rate per file, redelivered files) judge files by the day they were loaded. The
    /// evaluation loads every day at once, today, after the judged window, so it runs those two checks as of today;
    /// late arrival is left out, since every row of a one-shot load arrives "late".
    /// </summary>
    private async Task<IEnumerable<Alert>> FileAlertsAsync(ModScopeStore store, int days, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var findings = await DataQualityChecks.RunAsync(store, today, quality with { Days = days }, calendar, cancellationToken).ConfigureAwait(false);
        return findings.Where(f => f.Check is QualityCheckKind.QuarantineRate or QualityCheckKind.DuplicateIds)
            .Select((f, i) => new Alert(-1 - i, QualityAlerts.ToFinding(f, today), AlertStatus.New, null, false, null, null, DateTime.UtcNow));
    }

    private async Task<SeedOutcome> RunOneAsync(EvaluationSettings settings, int seed, bool quiet, string workDirectory, CancellationToken cancellationToken)
    {
        var name = quiet ? $"quiet-{seed}" : $"seed-{seed}";
        var directory = Path.Combine(workDirectory, name);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        Progress?.Report($"{name}: generating {settings.Days} days");
        var options = new GeneratorOptions(Path.Combine(directory, "data"), settings.Days, settings.DecisionsPerDay, seed, Incidents: !quiet);
        var generated = await SyntheticGenerator.GenerateAsync(options, null, cancellationToken).ConfigureAwait(false);
        using var store = ModScopeStore.Open(Path.Combine(directory, "modscope.duckdb"));
        Progress?.Report($"{name}: loading");
        await new Ingestor(store).IngestAsync([options.OutputDirectory], new IngestOptions(), null, cancellationToken).ConfigureAwait(false);

        Progress?.Report($"{name}: monitoring");
        using var engine = new DuckDbEngine(store);
        var query = new MetricQuery(catalog, engine);
        var lastDay = options.FirstDay.AddDays(settings.Days - 1);
        var runner = new MonitorRunner(store, catalog, query) { Calendar = calendar, Quality = quality, ExplainTop = 0 };
        var run = await runner.RunAsync(lastDay, settings.Days - settings.WarmUpDays, cancellationToken).ConfigureAwait(false);
        var alerts = run.Alerts.Where(a => a.Status != AlertStatus.Suppressed && a.Finding.FirstDay >= run.WindowStart).ToList();
        alerts.AddRange(await FileAlertsAsync(store, settings.Days, cancellationToken).ConfigureAwait(false));
        // Alerts held under a broader alert of the same anomaly are listed with it: an analyst opening the broad alert
        // sees them, so the root cause is judged over both; only the broad one counts as an alert.
        var metricIds = run.Alerts.Where(a => a.Finding.Kind == AlertKind.Metric).Select(a => a.Id).ToHashSet();
        var held = run.Alerts.Where(a => a.SuppressedBy is { } by && metricIds.Contains(by) && a.Finding.FirstDay >= run.WindowStart).ToList();

        var matcher = new IncidentMatcher(ReferenceData.Shipped);
        var incidents = generated.Incidents.Where(i => i.End >= run.WindowStart).ToList();
        var alertStore = new AlertStore(store);
        var explainer = new AlertExplainer(catalog, query, AlertExplainer.DrillOrder);
        var outcomes = new List<IncidentOutcome>();
        foreach (var incident in incidents)
        {
            var matches = matcher.Matches(incident, alerts);
            int? rank = null;
            if (IncidentMatcher.Representative(incident, matches.Count > 0 ? [.. matches, .. matcher.Matches(incident, held)] : matches) is { } top)
            {
                var f = top.Finding;
                if (f.Kind == AlertKind.Metric && f.Explanation is null)
                {
                    var under = run.Alerts.Where(a => a.SuppressedBy == top.Id).Select(a => a.Finding);
                    alertStore.SetExplanation(top.Id, (await explainer.ExplainAsync(f, under, cancellationToken).ConfigureAwait(false)).ToJson());
                    top = alertStore.Get(top.Id);
                }
                rank = IncidentMatcher.RootCauseRank(incident, top);
            }
            outcomes.Add(new IncidentOutcome(incident, matches.Select(a => a.Id).ToList(), matches.Count > 0 ? matches.Min(a => a.Finding.FirstDay) : null, rank));
        }
        var unexplained = alerts.Where(a => !incidents.Any(i => matcher.Explains(i, a))).Select(a => a.Finding).ToList();
        var judgedDays = run.WindowEnd.DayNumber - run.WindowStart.DayNumber + 1;
        return new SeedOutcome(seed, quiet, judgedDays, run.Summary.SeriesScanned, alerts.Count, alerts.Count - unexplained.Count,
            lastDay.DayNumber - run.WindowEnd.DayNumber, outcomes) { Unexplained = unexplained };
    }
}
