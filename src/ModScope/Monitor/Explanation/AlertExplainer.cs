using ModScope.Catalog;
using ModScope.Explain;
using ModScope.Query;
using ModScope.Stats;

namespace ModScope.Monitor.Explanation;

/// <summary>
/// Explains a metric alert. The alert's days (at most a week) are compared with the same days of the previous
/// <c>baselineWeeks</c> weeks, leaf by leaf over up to five drill-down dimensions, and <see cref="RootCauseSearch"/>
/// finds the conjunctions that explain the change. What a leaf "expected" depends on the metric: a count expects
/// its baseline average; a proportion expects its current denominator at its baseline rate (so causes are segments
/// whose rate moved; the mix/rate split shows what moved by weight alone); a level metric expects its baseline value,
/// weighted by the leaf's current decisions. A sampled proportion (a QA rate) is explained by <see cref="SampledCauses"/>
/// instead: its audits are too few for a cube's leaves.
/// </summary>
public sealed class AlertExplainer(MetricCatalog catalog, MetricQuery query, IReadOnlyList<string> drillDimensions, int baselineWeeks = 4)
{
    /// <summary>The dimensions an alert's cube drills into, in order (the monitor's and every host's default).</summary>
    public static readonly IReadOnlyList<string> DrillOrder = ["market", "site", "policy", "decided_by", "detection_source", "object_type"];

    /// <summary>Drill-down order for sampled metrics: dimensions with few values first (2, 5, 8, then markets, sites, policies).</summary>
    public static readonly IReadOnlyList<string> SampledDrillOrder = ["decided_by", "detection_source", "object_type", "site", "market", "policy"];

    /// <summary>
    /// Explains a metric alert over its own days and lists, in <see cref="AlertExplanation.Within"/>, the narrower alerts
    /// of the same metric among <paramref name="held"/> (the findings held under it).
    /// </summary>
    public async Task<AlertExplanation> ExplainAsync(Monitor.Alerts.AlertFinding alert, IEnumerable<Monitor.Alerts.AlertFinding> held, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var explanation = await ExplainAsync(alert.Subject, Monitor.Scan.SeriesKey.Parse(alert.Segment), alert.FirstDay, alert.LastDay, cancellationToken).ConfigureAwait(false);
        return explanation with { Within = Monitor.Scan.NestedAlerts.Within(alert, held) };
    }

    public async Task<AlertExplanation> ExplainAsync(string metricId, IReadOnlyDictionary<string, string?> segment, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var metric = catalog.Metric(metricId);
        to = to > from.AddDays(6) ? from.AddDays(6) : to;
        var filters = segment.Select(p => new DimensionFilter(p.Key, FilterOperator.Equals, [p.Value ?? ""])).ToList();
        // A QA sample is thin: a cube over five dimensions leaves a handful of audits per leaf, too few for any leaf to
        // stand out. Sampled proportions are screened one dimension at a time (below); other sampled metrics (agreement)
        // drill into the three allowed dimensions with the fewest values.
        // A quantile is no sum of its leaves' quantiles: a leaf's own quantile must rest on enough items to mean
        // something, and five dimensions leave a few decisions per leaf. Quantiles drill into three dimensions too.
        var depth = metric.Sampled || metric.Measure?.Quantile is not null ? 3 : 5;
        var dimensions = (metric.Sampled ? SampledDrillOrder : drillDimensions)
            .Where(d => metric.Dimensions.Contains(d) && !segment.ContainsKey(d)).Take(depth).ToList();
        var volume = catalog.Roles.Volume;
        var withVolume = metric.Kind is MetricKind.Measure or MetricKind.Agreement && catalog.Metric(volume).Dimensions.ToHashSet().IsSupersetOf(dimensions)
            && metric.Id != volume;
        var metrics = withVolume ? new[] { metric.Id, volume } : [metric.Id];

        async Task<IReadOnlyList<MetricResult>> Run(int weeksBack, IReadOnlyList<string> dims)
        {
            var start = from.AddDays(-7 * weeksBack).ToDateTime(TimeOnly.MinValue);
            var end = to.AddDays(1 - (7 * weeksBack)).ToDateTime(TimeOnly.MinValue);
            var request = new MetricRequest(metrics, dims, TimeGrain.None, filters, new Period(start, end, "UTC", $"-{weeksBack}w"));
            return await query.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // Week 0 is the alert's own days; each week's leaves and total are independent queries, run together.
        var weeks = Enumerable.Range(0, baselineWeeks + 1).ToList();
        double? totalNow;
        List<double> totalsBefore;
        if (metric.Sampled && metric.IsProportion)
        {
            // Each dimension value on its own holds enough audits to test; a cube's leaves do not (see SampledScreen).
            // The weeks' totals, the screen and its narrowings are all slicings of one request by day and every screened
            // dimension over the baseline weeks and the alert's week: one scan of the first audits, not one per slicing.
            var screened = SampledDrillOrder.Where(d => metric.Dimensions.Contains(d) && !segment.ContainsKey(d)).ToList();
            var sampled = new SampledCauses(query, metric, filters, to, baselineWeeks);
            var slices = await sampled.SlicesAsync(screened, cancellationToken).ConfigureAwait(false);
            var weekTotals = new List<double?>();
            foreach (var w in weeks)
            {
                var days = new Period(from.AddDays(-7 * w).ToDateTime(TimeOnly.MinValue), to.AddDays(1 - (7 * w)).ToDateTime(TimeOnly.MinValue), "UTC", $"-{w}w");
                weekTotals.Add((await slices.RunAsync(new MetricSlice([], [], days), cancellationToken).ConfigureAwait(false))
                    .FirstOrDefault(r => r.Metric == metric.Id)?.Value);
            }
            (totalNow, totalsBefore) = (weekTotals[0], weekTotals.Skip(1).OfType<double>().ToList());
            var (found, singles) = await sampled.FindAsync(slices, screened, cancellationToken).ConfigureAwait(false);
            var split = MixRate(singles.GroupBy(s => s.Conjunction.Single().Key).Select(g => (g.Key, g.GroupBy(
                s => s.Conjunction.Single().Value,
                s => new ExplainLeaf([.. s.Conjunction.Values], s.Numerator, s.Expected, s.Denominator, s.BaselineNumerator, s.BaselineDenominator)))));
            return new AlertExplanation(metric.Id, Monitor.Scan.SeriesKey.Format(segment), from, to, baselineWeeks, totalNow,
                totalsBefore.Count > 0 ? totalsBefore.Average() : null, found, split);
        }

        var totals = (await Task.WhenAll(weeks.Select(w => Run(w, []))).ConfigureAwait(false))
            .Select(t => t.FirstOrDefault(r => r.Metric == metric.Id)?.Value).ToList();
        (totalNow, totalsBefore) = (totals[0], totals.Skip(1).OfType<double>().ToList());
        var leafResults = await Task.WhenAll(weeks.Select(w => Run(w, dimensions))).ConfigureAwait(false);
        var leaves = ExplainLeaves.Build(metric, volume, dimensions, leafResults[0], leafResults.Skip(1).ToList());
        var causes = new List<ExplainedCause>();
        if (dimensions.Count > 0 && leaves.Count > 0)
        {
            var result = RootCauseSearch.Find(new Cube(dimensions, leaves.Select(l => l.ToCubeLeaf()).ToList()));
            foreach (var cause in result.Causes)
            {
                var under = leaves.Where(l => cause.Conjunction.All(c => l.Values[dimensions.IndexOf(c.Key)] == c.Value)).ToList();
                var weight = under.Sum(l => l.Weight);
                causes.Add(new ExplainedCause(cause.Conjunction, cause.Share, cause.Actual, cause.Expected,
                    weight > 0 ? cause.Actual / weight : null, weight > 0 ? cause.Expected / weight : null));
            }
        }
        var mixRate = metric.IsProportion ? MixRate(dimensions.Select((d, i) => (d, leaves.GroupBy(l => l.Values[i])))) : null;
        return new AlertExplanation(metric.Id, Monitor.Scan.SeriesKey.Format(segment), from, to, baselineWeeks, totalNow,
            totalsBefore.Count > 0 ? totalsBefore.Average() : null, causes, mixRate);
    }

    /// <summary>The dimension along which one segment's mix + rate terms carry the largest part of the change.</summary>
    private static MixRateSplit? MixRate(IEnumerable<(string Dimension, IEnumerable<IGrouping<string, ExplainLeaf>> Values)> dimensions)
    {
        MixRateSplit? best = null;
        var bestWeight = -1.0;
        foreach (var (dimension, values) in dimensions)
        {
            var strata = values.Select(g => (
                Name: g.Key,
                Before: new StratumRate(g.Key, g.Sum(l => l.BaselineDenominator), Rate(g.Sum(l => l.BaselineNumerator), g.Sum(l => l.BaselineDenominator))),
                After: new StratumRate(g.Key, g.Sum(l => l.Weight), Rate(g.Sum(l => l.Actual), g.Sum(l => l.Weight))))).ToList();
            if (strata.Sum(s => s.Before.Population) <= 0 || strata.Sum(s => s.After.Population) <= 0)
            {
                continue;
            }
            var split = RateChange.Decompose(strata.Select(s => s.Before).ToList(), strata.Select(s => s.After).ToList());
            var top = split.Strata.Max(s => Math.Abs(s.MixEffect + s.RateEffect));
            if (top > bestWeight)
            {
                bestWeight = top;
                best = new MixRateSplit(dimension, split.Change, split.MixEffect, split.RateEffect,
                    split.Strata.OrderByDescending(s => Math.Abs(s.MixEffect + s.RateEffect)).Take(5)
                        .Select(s => new MixRateSegment(s.Name, s.BaselineShare, s.CurrentShare, s.BaselineRate, s.CurrentRate, s.MixEffect, s.RateEffect))
                        .ToList());
            }
        }
        return best;
    }

    private static double Rate(double numerator, double denominator) => denominator > 0 ? Math.Clamp(numerator / denominator, 0.0, 1.0) : 0.0;
}
