using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Monitor.Explanation;

/// <summary>
/// Finds the causes of a sampled proportion's alert with <see cref="SampledScreen"/>: asks for the metric by each drill
/// dimension in the alert's trailing week (the window the monitor pooled to raise it) and in the
/// <see cref="BaselineWeeks"/> weeks before, then narrows the leading values by one more dimension each. Every one of
/// those is a slicing of one request by day and all the drill dimensions (<see cref="SlicesAsync"/>), run once: each
/// slicing regroups its QA strata (<see cref="RequestSlices"/>, exact), where one statement per slicing ranked every
/// audit again to find each decision's first.
/// </summary>
internal sealed class SampledCauses(MetricQuery query, MetricDefinition metric, IReadOnlyList<DimensionFilter> filters, DateOnly lastDay, int baselineWeeks)
{
    /// <summary>How many of the leading single values are narrowed (each by every other dimension).</summary>
    public const int Narrowed = 3;

    public int BaselineWeeks { get; } = Math.Max(1, baselineWeeks);

    private DateOnly First => lastDay.AddDays(-6);

    /// <summary>The metric by day over the alert's week and the baseline weeks, by every one of <paramref name="dimensions"/>, run once.</summary>
    public Task<RequestSlices> SlicesAsync(IReadOnlyList<string> dimensions, CancellationToken cancellationToken) =>
        query.SlicesAsync(new MetricRequest([metric.Id], dimensions, TimeGrain.Day, filters, Period.UtcDays(First.AddDays(-7 * BaselineWeeks), lastDay)),
            cancellationToken);

    /// <summary>The causes, from <paramref name="slices"/> of the request by all of <paramref name="dimensions"/> (<see cref="SlicesAsync"/>).</summary>
    public async Task<(IReadOnlyList<ExplainedCause> Causes, IReadOnlyList<SegmentRates> Singles)> FindAsync(
        RequestSlices slices, IReadOnlyList<string> dimensions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(dimensions);
        var total = (await RatesAsync(slices, [], [], cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        var singles = new List<SegmentRates>();
        foreach (var dimension in dimensions)
        {
            singles.AddRange(await RatesAsync(slices, [dimension], [], cancellationToken).ConfigureAwait(false));
        }
        if (total is null || dimensions.Count == 0)
        {
            return ([], []);
        }
        var candidates = SampledScreen.Candidates(total, singles);
        var found = new List<SegmentRates>();
        foreach (var candidate in candidates.Take(Narrowed))
        {
            found.Add(await NarrowAsync(slices, candidate, dimensions, cancellationToken).ConfigureAwait(false));
        }
        found.AddRange(candidates.Skip(Narrowed));
        var change = Math.Abs(total.Excess);
        var causes = SampledScreen.Distinct(found)
            .Select(c => new ExplainedCause(c.Conjunction, change > 0 ? Math.Abs(c.Excess) / change : 0.0, c.Numerator, c.Expected,
                double.IsFinite(c.Rate) ? c.Rate : null, double.IsFinite(c.BaselineRate) ? c.BaselineRate : null))
            .ToList();
        return (causes, singles);
    }

    /// <summary>The candidate narrowed by one more dimension where its change concentrates, else the candidate.</summary>
    private async Task<SegmentRates> NarrowAsync(RequestSlices slices, SegmentRates candidate, IReadOnlyList<string> dimensions, CancellationToken cancellationToken)
    {
        var (dimension, value) = candidate.Conjunction.Single();
        var within = new DimensionFilter(dimension, FilterOperator.Equals, [value]);
        var children = new List<SegmentRates>();
        foreach (var other in dimensions.Where(d => d != dimension))
        {
            children.AddRange((await RatesAsync(slices, [other], [within], cancellationToken).ConfigureAwait(false))
                .Select(c => c with { Conjunction = new Dictionary<string, string>(c.Conjunction) { [dimension] = value } }));
        }
        return SampledScreen.Narrow(candidate, children) ?? candidate;
    }

    /// <summary>
    /// The metric by <paramref name="dimensions"/> in the alert's week and in the baseline weeks, matched by segment: one
    /// daily slicing, each side's days pooled as the monitor pools a week (Kish effective size over independent days).
    /// </summary>
    private async Task<IReadOnlyList<SegmentRates>> RatesAsync(RequestSlices slices, IReadOnlyList<string> dimensions, IReadOnlyList<DimensionFilter> extra,
        CancellationToken cancellationToken)
    {
        var first = First.ToDateTime(TimeOnly.MinValue);
        return (await slices.RunAsync(new MetricSlice(dimensions, extra), cancellationToken).ConfigureAwait(false))
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
