using System.Globalization;
using ModScope.Catalog;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Detection;
using ModScope.Query;
using ModScope.Stats;

namespace ModScope.Monitor.Scan;

/// <summary>
/// Scans every catalogue metric over its default segments: one metric request per set of dimensions (all metrics
/// that allow it together), one daily series per segment, the detector on each, and the anomalies that touch the
/// judged window as alert findings. The detector is causal, so running it over the whole history gives the same
/// verdicts a daily monitor would have given on each day.
/// </summary>
public sealed class MonitorScanner(MetricCatalog catalog, MetricQuery query, MonitorSettings settings)
{
    /// <summary>The calendar event touching a day, given the segment's decisions by market as shares, or null (see <c>SegmentEvents</c>).</summary>
    public Func<DateOnly, IReadOnlyDictionary<string, double>, Bilingual?> EventOn { get; init; } = (_, _) => null;

    /// <summary>Series an analyst declared a new normal from a day: their history before it is ignored.</summary>
    public IReadOnlyDictionary<(string Subject, string Segment), DateOnly> Rebaselines { get; init; } = new Dictionary<(string, string), DateOnly>();

    /// <summary>Told which slicing is being judged.</summary>
    public IProgress<string>? Progress { get; init; }

    public async Task<MonitorScan> ScanAsync(DateOnly windowStart, DateOnly windowEnd, CancellationToken cancellationToken = default)
    {
        var start = windowStart.AddDays(-settings.HistoryDays);
        var period = Period.UtcDays(start, windowEnd);
        var days = Enumerable.Range(0, windowEnd.DayNumber - start.DayNumber + 1).Select(start.AddDays).ToArray();
        var alerts = new List<ScannedAlert>();
        var scanned = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // A segment with a missing value (site=(none)) waits until every slicing is scanned: when it is another name for
        // a segment with real values (decided_by=automated), that one is judged and named, and the missing one skipped.
        var missing = new List<(SeriesKey Key, MetricDefinition Metric, List<MetricResult> Rows, IReadOnlyDictionary<string, double> Shares)>();
        // Each series is judged on its own (the detector is a pure function of it): in parallel, in scan order.
        IEnumerable<ScannedAlert> JudgeAll(IEnumerable<(SeriesKey Key, MetricDefinition Metric, List<MetricResult> Rows, IReadOnlyDictionary<string, double> Shares)> series) =>
            series.AsParallel().AsOrdered().WithCancellation(cancellationToken)
                .SelectMany(s => Judge(s.Key, s.Metric, s.Rows, days, windowStart, day => EventOn(day, s.Shares)).ToList());
        var slicings = DimensionSets().Select(Slice).Where(s => s.Metrics.Count > 0).ToList();
        // The next slicing's statements run while this one's series are judged (the engine and the judging each leave
        // a core idle much of the time); the series are still judged in scan order, so the first of two equal series wins.
        var next = slicings.Count > 0 ? FetchAsync(slicings[0], period, cancellationToken) : null;
        try
        {
            for (var i = 0; i < slicings.Count; i++)
            {
                var (dimensions, metrics, staffing, staffHours) = slicings[i];
                Progress?.Report($"scanning the core index {(dimensions.Count == 0 ? "in total" : "by " + string.Join(" × ", dimensions))} ({i + 1}/{slicings.Count})");
                var (results, mix) = await next!.ConfigureAwait(false);
                next = i + 1 < slicings.Count ? FetchAsync(slicings[i + 1], period, cancellationToken) : null;
                var volume = Volumes(results, catalog.Roles.Volume, r => r.Value);
                var staffed = staffHours is null ? [] : Volumes(results, staffHours, r => r.Denominator);
                var series = new List<(SeriesKey Key, MetricDefinition Metric, List<MetricResult> Rows, IReadOnlyDictionary<string, double> Shares)>();
                foreach (var group in results.Where(r => r.Bucket is not null).GroupBy(r => (r.Metric, Segment: SeriesKey.Format(r.Dimensions))))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var metric = catalog.Metric(group.Key.Metric);
                    var rows = group.ToList();
                    if (!metrics.Contains(metric) || !Monitorable(metric, rows, volume.GetValueOrDefault(group.Key.Segment)) ||
                        (staffing.Contains(metric) && !(staffed.GetValueOrDefault(group.Key.Segment) >= settings.MinDailyStaffHours)))
                    {
                        continue;
                    }
                    var key = new SeriesKey(metric.Id, rows[0].Dimensions);
                    if (rows[0].Dimensions.Values.Any(v => v is null))
                    {
                        missing.Add((key, metric, rows, mix.GetValueOrDefault(group.Key.Segment) ?? new Dictionary<string, double>()));
                        continue;
                    }
                    if (!seen.Add(Fingerprint(metric, rows)))
                    {
                        continue;
                    }
                    scanned++;
                    series.Add((key, metric, rows, mix.GetValueOrDefault(group.Key.Segment) ?? new Dictionary<string, double>()));
                }
                alerts.AddRange(JudgeAll(series));
            }
            var unnamed = missing.Where(s => seen.Add(Fingerprint(s.Metric, s.Rows))).ToList();
            scanned += unnamed.Count;
            alerts.AddRange(JudgeAll(unnamed));
        }
        catch
        {
            // The prefetch finishes before the caller disposes the engine under it (its own failure is secondary).
            if (next is not null)
            {
                await Task.WhenAny(next).ConfigureAwait(false);
            }
            throw;
        }
        return new MonitorScan(scanned, alerts);
    }

    /// <summary>
    /// One set of dimensions and the metrics that allow it; of those, the ones reading staffing, and the staffing metric
    /// whose productive hours gate them (null when none or when it cannot be sliced so).
    /// </summary>
    private sealed record Slicing(IReadOnlyList<string> Dimensions, List<MetricDefinition> Metrics, HashSet<MetricDefinition> Staffing, string? StaffHours);

    private Slicing Slice(IReadOnlyList<string> dimensions)
    {
        var metrics = catalog.Metrics.Where(m => m.Monitored && dimensions.All(m.Dimensions.Contains)).ToList();
        var staffing = metrics.Where(ReadsStaffing).ToHashSet();
        var staffHours = staffing.Count > 0 && catalog.Metrics.FirstOrDefault(m => m.Id == (settings.StaffHoursMetric ?? catalog.Roles.StaffingHours)) is { } hours &&
            dimensions.All(hours.Dimensions.Contains) ? hours.Id : null;
        return new Slicing(dimensions, metrics, staffing, staffHours);
    }

    /// <summary>One slicing's daily results of its metrics (with the volume and staffing gates) and its segments' market mix, on a pool thread.</summary>
    private Task<(IReadOnlyList<MetricResult> Results, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Mix)> FetchAsync(
        Slicing slicing, Period period, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        var (dimensions, metrics, _, staffHours) = slicing;
        var requested = metrics.Select(m => m.Id).Append(catalog.Roles.Volume);
        // Quantiles come with their order-statistic intervals, means, sums and cross-source ratios with their standard
        // errors: a day's p90 or mean handling time from a few hundred decisions is itself noisy, and so is a cost
        // summed over a few dozen shifts; the detector does not alert on a move its standard error explains.
        var request = new MetricRequest((staffHours is null ? requested : requested.Append(staffHours)).Distinct().ToList(), dimensions, TimeGrain.Day, [], period)
        {
            QuantileIntervals = metrics.Any(SeriesShape.IsQuantile),
            LevelErrors = metrics.Any(SeriesShape.HasLevelError),
        };
        var results = await query.RunAsync(request, cancellationToken).ConfigureAwait(false);
        var mix = await MarketMix(dimensions, period, cancellationToken).ConfigureAwait(false);
        return (results, mix);
    }, cancellationToken);

    private IEnumerable<IReadOnlyList<string>> DimensionSets()
    {
        yield return [];
        foreach (var d in settings.Dimensions)
        {
            yield return [d];
        }
        // Dimensions the catalogue flags with slice: true (a team's extra column), each alone.
        foreach (var d in catalog.Dimensions.Where(d => d.Slice && !settings.Dimensions.Contains(d.Id)))
        {
            yield return [d.Id];
        }
        foreach (var (a, b) in settings.Pairs)
        {
            yield return [a, b];
        }
    }

    /// <summary>Each segment's decisions by market, as shares of the segment (which calendar events touch it).</summary>
    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> MarketMix(IReadOnlyList<string> dimensions, Period period, CancellationToken cancellationToken)
    {
        var rows = await query.RunAsync(Scan.MarketMix.Request(catalog, dimensions, period), cancellationToken).ConfigureAwait(false);
        return Scan.MarketMix.Shares(rows, dimensions);
    }

    /// <summary>
    /// Median daily amount per segment of one metric's value (decisions: the volume gate for every metric of that
    /// segment) or of one of its operands (productive hours: the staffing gate).
    /// </summary>
    private static Dictionary<string, double> Volumes(IReadOnlyList<MetricResult> results, string metric, Func<MetricResult, double?> amount) =>
        results.Where(r => r.Metric == metric && amount(r) is not null)
            .GroupBy(r => SeriesKey.Format(r.Dimensions))
            .ToDictionary(g => g.Key, g => Quantiles.Continuous(g.Select(r => amount(r)!.Value).ToList(), 0.5), StringComparer.Ordinal);

    /// <summary>
    /// A series' every daily value and sample. Two segments holding the same rows (automated decisions have no site,
    /// so site=(none) is decided_by=automated), or two metrics counting the same rows (human decisions, and all decisions
    /// within decided_by=human), give the same series: it is judged once, as the one scanned first (a segment with a
    /// missing value, scanned last, gives way to the one that names real values).
    /// </summary>
    private static string Fingerprint(MetricDefinition metric, IEnumerable<MetricResult> rows) =>
        metric.Kind + "|" + string.Join(";", rows.OrderBy(r => r.Bucket).Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{r.Bucket:yyyyMMdd}={r.Value:G12}/{r.Numerator:G12}/{r.Denominator:G12}/{r.SampleSize:G12}")));

    /// <summary>Whether a metric reads the staffing table (see <see cref="MonitorSettings.MinDailyStaffHours"/>).</summary>
    private bool ReadsStaffing(MetricDefinition metric) =>
        Lineage.Of(metric, catalog).Any(field => field.StartsWith("staffing.", StringComparison.Ordinal));

    /// <summary>
    /// Whether a segment's series is worth judging daily: enough decisions a day, and for a sampled (QA) metric a
    /// typical daily sample of at least <see cref="MonitorSettings.MinSampleSize"/>; a thinner QA segment cannot
    /// support an alert, so it is left to weekly reports (which say how many audits it would need). QA proportions
    /// count a trailing week of audits (see <see cref="TrailingWeek"/>).
    /// </summary>
    private bool Monitorable(MetricDefinition metric, List<MetricResult> rows, double dailyVolume) =>
        dailyVolume >= settings.MinDailyVolume &&
        (!metric.Sampled || Quantiles.Continuous(rows.Select(r => r.SampleSize ?? 0.0).ToList(), 0.5) *
            (metric.Kind == MetricKind.Proportion ? TrailingWeek.Days : 1) >= settings.MinSampleSize);

    private IEnumerable<ScannedAlert> Judge(SeriesKey key, MetricDefinition metric, List<MetricResult> rows, DateOnly[] days, DateOnly windowStart, Func<DateOnly, Bilingual?> eventOn)
    {
        var byDay = rows.ToDictionary(r => DateOnly.FromDateTime(r.Bucket!.Value));
        // The series starts where the segment's data starts (days before it are not zero, they are not there yet)
        // or where an analyst rebaselined it.
        var from = byDay.Keys.Min();
        if (Rebaselines.TryGetValue((key.Metric, key.SegmentText), out var rebaseline) && rebaseline > from)
        {
            from = rebaseline;
        }
        var series = MonitorSeries.Points(metric, byDay, days, from, d => eventOn(d) is not null);
        var result = SeriesDetector.Detect(series, MonitorSeries.Detector(metric, settings));
        foreach (var episode in result.Episodes)
        {
            if (DateOnly.FromDateTime(episode.End) < windowStart || !(Math.Abs(episode.RelativeImpact) >= settings.MinRelativeImpact))
            {
                continue;
            }
            yield return new ScannedAlert(key, metric, episode, Finding(key, metric, episode, result.Points, eventOn), result.Points);
        }
    }

    private static AlertFinding Finding(SeriesKey key, MetricDefinition metric, AnomalyEpisode episode, IReadOnlyList<PointVerdict> points, Func<DateOnly, Bilingual?> eventOn)
    {
        var peak = points.Skip(episode.StartIndex).Take(episode.EndIndex - episode.StartIndex + 1).MaxBy(p => p.Score);
        var (first, last) = (DateOnly.FromDateTime(episode.Start), DateOnly.FromDateTime(episode.End));
        var bad = metric.Goodness(episode.Direction) < 0;
        var severity = bad && episode.PeakScore >= 0.8 ? AlertSeverity.Critical : AlertSeverity.Warning;
        var segment = key.Segment.Count == 0 ? "all decisions" : key.SegmentText.Replace(";", ", ", StringComparison.Ordinal);
        var verb = episode.Direction > 0 ? "rose" : "fell";
        var span = first == last ? FormattableString.Invariant($"on {first:yyyy-MM-dd}") : FormattableString.Invariant($"from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");
        var eventName = eventOn(DateOnly.FromDateTime(peak.Time));
        string Show(double? x) => ValueFormatter.Invariant.Value(metric, x, missing: "n/a");
        var (value, expected) = (Show(peak.Value), Show(peak.Expected));
        var range = $"{Show(peak.Lower)}–{Show(peak.Upper)}";
        var shift = episode.Kind == AnomalyKind.LevelShift ? ", a sustained shift" : "";
        var during = eventName is null ? "." : $", during {eventName.En}.";
        var message = $"{metric.Name.En} for {segment} {verb} to {value} (expected {expected}, normal range {range}) {span}{shift}{during}";
        return new AlertFinding(AlertKind.Metric, metric.Id, key.SegmentText, first, last, severity, episode.Direction, episode.PeakScore,
            episode.Kind == AnomalyKind.Spike ? AlertDetectors.SeasonalRobustZ : AlertDetectors.CusumLevelShift, message)
        {
            Value = peak.Value,
            Expected = peak.Expected,
            Lower = peak.Lower,
            Upper = peak.Upper,
            Impact = episode.Impact,
            RelativeImpact = episode.RelativeImpact,
            Baseline = episode.Baseline.Describe(),
            Event = eventName?.En,
            Facts = MetricFacts.Of(metric.Id, key.SegmentText, episode, peak, eventName),
        };
    }
}
