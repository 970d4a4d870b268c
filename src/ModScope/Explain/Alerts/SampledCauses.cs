using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Explain.Alerts;

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
        var total = (await RatesAsync([], [], cancellationToken).ConfigureAwait(false)).SingleOrDefault();
        if (total is null || dimensions.Count == 0)
        {
            return ([], []);
        }
        var singles = (await Task.WhenAll(dimensions.Select(d => RatesAsync([d], [], cancellationToken))).ConfigureAwait(false))
            .SelectMany(s => s).ToList();
        var candidates = SampledScreen.Candidates(total, singles);
        var found = new List<SegmentRates>(candidates.Count);
        foreach (var candidate in candidates.Take(Narrowed))
        {
            var (dimension, value) = candidate.Conjunction.Single();
            var within = new DimensionFilter(dimension, FilterOperator.Equals, [value]);
            var children = (await Task.WhenAll(dimensions.Where(d => d != dimension)
                    .Select(d => RatesAsync([d], [within], cancellationToken))).ConfigureAwait(false))
                .SelectMany(c => c)
                .Select(c => c with { Conjunction = new Dictionary<string, string>(c.Conjunction) { [dimension] = value } })
                .ToList();
            found.Add(SampledScreen.Narrow(candidate, children) ?? candidate);
        }
        found.AddRange(candidates.Skip(Narrowed));
        var change = Math.Abs(SampledScreen.Change(total));
        var causes = SampledScreen.Distinct(found)
            .Select(c => new ExplainedCause(c.Conjunction, change > 0 ? Math.Abs(c.Excess) / change : 0.0, c.Numerator, c.Expected,
                double.IsFinite(c.Rate) ? c.Rate : null, double.IsFinite(c.BaselineRate) ? c.BaselineRate : null))
            .ToList();
        return (causes, singles);
    }

    /// <summary>The metric by <paramref name="dimensions"/> in the alert's week and in the baseline weeks, matched by segment.</summary>
    private async Task<IReadOnlyList<SegmentRates>> RatesAsync(IReadOnlyList<string> dimensions, IReadOnlyList<DimensionFilter> extra,
        CancellationToken cancellationToken)
    {
        var scope = filters.Concat(extra).ToList();
        var nowTask = query.RunAsync(new MetricRequest([metric.Id], dimensions, TimeGrain.None, scope, Period.UtcDays(First, lastDay)), cancellationToken);
        var beforeTask = query.RunAsync(new MetricRequest([metric.Id], dimensions, TimeGrain.None, scope,
            Period.UtcDays(First.AddDays(-7 * BaselineWeeks), First.AddDays(-1))), cancellationToken);
        var (now, before) = (await nowTask.ConfigureAwait(false), await beforeTask.ConfigureAwait(false));
        string Key(MetricResult r) => string.Join('\u001f', dimensions.Select(d => r.Dimensions.GetValueOrDefault(d) ?? "(none)"));
        var baseline = before.Where(r => r.Metric == metric.Id).ToDictionary(Key);
        return now.Where(r => r.Metric == metric.Id && r.Denominator is > 0)
            .Select(r =>
            {
                var b = baseline.GetValueOrDefault(Key(r));
                return new SegmentRates(dimensions.ToDictionary(d => d, d => r.Dimensions.GetValueOrDefault(d) ?? "(none)"),
                    r.Numerator ?? 0.0, r.Denominator ?? 0.0, Trials(r),
                    b?.Numerator ?? 0.0, b?.Denominator ?? 0.0, b is null ? 0.0 : Trials(b));
            })
            .ToList();
    }

    private static double Trials(MetricResult r) => r.EffectiveSampleSize ?? r.SampleSize ?? 0.0;
}
