using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Monitor.Explanation;

/// <summary>
/// Finds the causes of a sampled proportion's alert with <see cref="SampledScreen"/>: asks for the metric by each drill
/// dimension in the alert's trailing week (the window the monitor pooled to raise it) and in the
/// <see cref="BaselineWeeks"/> weeks before, then narrows the leading values by one more dimension each.
/// </summary>
internal sealed class SampledCauses(MetricQuery query, MetricDefinition metric, IReadOnlyList<DimensionFilter> filters, DateOnly lastDay, int baselineWeeks)
{
    /// <summary>How many of the leading single values are narrowed (each costs two queries per other dimension).</summary>
    public const int Narrowed = 3;

    public int BaselineWeeks { get; } = Math.Max(1, baselineWeeks);

    private DateOnly First => lastDay.AddDays(-6);

    public async Task<(IReadOnlyList<ExplainedCause> Causes, IReadOnlyList<SegmentRates> Singles)> FindAsync(
        IReadOnlyList<string> dimensions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        // The total and every dimension's values are independent queries: run them together.
        var totalTask = RatesAsync([], [], cancellationToken);
        var singleTasks = dimensions.Select(d => RatesAsync([d], [], cancellationToken)).ToList();
        var total = (await totalTask.ConfigureAwait(false)).SingleOrDefault();
        var singles = (await Task.WhenAll(singleTasks).ConfigureAwait(false)).SelectMany(s => s).ToList();
        if (total is null || dimensions.Count == 0)
        {
            return ([], []);
        }
        var candidates = SampledScreen.Candidates(total, singles);
        var found = (await Task.WhenAll(candidates.Take(Narrowed).Select(c => NarrowAsync(c, dimensions, cancellationToken))).ConfigureAwait(false)).ToList();
        found.AddRange(candidates.Skip(Narrowed));
        var change = Math.Abs(total.Excess);
        var causes = SampledScreen.Distinct(found)
            .Select(c => new ExplainedCause(c.Conjunction, change > 0 ? Math.Abs(c.Excess) / change : 0.0, c.Numerator, c.Expected,
                double.IsFinite(c.Rate) ? c.Rate : null, double.IsFinite(c.BaselineRate) ? c.BaselineRate : null))
            .ToList();
        return (causes, singles);
    }

    /// <summary>The candidate narrowed by one more dimension where its change concentrates, else the candidate.</summary>
    private async Task<SegmentRates> NarrowAsync(SegmentRates candidate, IReadOnlyList<string> dimensions, CancellationToken cancellationToken)
    {
        var (dimension, value) = candidate.Conjunction.Single();
        var within = new DimensionFilter(dimension, FilterOperator.Equals, [value]);
        var children = (await Task.WhenAll(dimensions.Where(d => d != dimension)
                .Select(d => RatesAsync([d], [within], cancellationToken))).ConfigureAwait(false))
            .SelectMany(c => c)
            .Select(c => c with { Conjunction = new Dictionary<string, string>(c.Conjunction) { [dimension] = value } })
            .ToList();
        return SampledScreen.Narrow(candidate, children) ?? candidate;
    }

    /// <summary>
    /// The metric by <paramref name="dimensions"/> in the alert's week and in the baseline weeks, matched by segment: one
    /// daily request, each side's days pooled as the monitor pools a week (Kish effective size over independent days).
    /// </summary>
    private async Task<IReadOnlyList<SegmentRates>> RatesAsync(IReadOnlyList<string> dimensions, IReadOnlyList<DimensionFilter> extra,
        CancellationToken cancellationToken)
    {
        var request = new MetricRequest([metric.Id], dimensions, TimeGrain.Day, [.. filters, .. extra],
            Period.UtcDays(First.AddDays(-7 * BaselineWeeks), lastDay));
        var first = First.ToDateTime(TimeOnly.MinValue);
        return (await query.RunAsync(request, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Metric == metric.Id && r.Bucket is not null)
            .GroupBy(r => string.Join('\u001f', dimensions.Select(d => r.Dimensions.GetValueOrDefault(d) ?? "(none)")))
            .Select(g =>
            {
                var now = Monitor.Scan.TrailingWeek.Combine(g.Where(r => r.Bucket >= first));
                var before = Monitor.Scan.TrailingWeek.Combine(g.Where(r => r.Bucket < first));
                var any = g.First();
                return new SegmentRates(dimensions.ToDictionary(d => d, d => any.Dimensions.GetValueOrDefault(d) ?? "(none)"),
                    now.Numerator, now.Denominator, now.Trials, before.Numerator, before.Denominator, before.Trials);
            })
            .Where(s => s.Denominator > 0)
            .ToList();
    }
}
