using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Monitor.Explanation;

/// <summary>Turns the current and baseline metric results of an alert's cube into leaves with expectations.</summary>
internal static class ExplainLeaves
{
    /// <param name="volumeMetric">The catalogue's volume: a level metric's leaves are weighted by it.</param>
    public static IReadOnlyList<ExplainLeaf> Build(MetricDefinition metric, string volumeMetric, IReadOnlyList<string> dimensions,
        IReadOnlyList<MetricResult> current, IReadOnlyList<IReadOnlyList<MetricResult>> baseline)
    {
        string Key(MetricResult r) => string.Join('\u001f', dimensions.Select(d => r.Dimensions.GetValueOrDefault(d) ?? "(none)"));
        var weeks = Math.Max(1, baseline.Count);
        var now = current.Where(r => r.Metric == metric.Id).ToDictionary(Key);
        var volume = current.Where(r => r.Metric == volumeMetric).ToDictionary(Key, r => r.Value ?? 0.0);
        var before = baseline.SelectMany(b => b).Where(r => r.Metric == metric.Id).GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList());
        var leaves = new List<ExplainLeaf>(now.Count);

        // Shrink each leaf's baseline rate toward the overall baseline rate by half a typical leaf's weight, so a
        // leaf seen a few times before does not get an extreme expectation (empirical-Bayes style pooling).
        var pooledNumerator = before.Values.SelectMany(v => v).Sum(r => r.Numerator ?? 0.0);
        var pooledDenominator = before.Values.SelectMany(v => v).Sum(r => r.Denominator ?? 0.0);
        var overallRate = pooledDenominator > 0 ? pooledNumerator / pooledDenominator : 0.0;
        var typical = before.Values.Select(v => v.Sum(r => r.Denominator ?? 0.0)).Where(x => x > 0).Order().ToList();
        var prior = typical.Count > 0 ? 0.5 * typical[typical.Count / 2] : 0.0;

        foreach (var (key, row) in now)
        {
            var values = dimensions.Select(d => row.Dimensions.GetValueOrDefault(d) ?? "(none)").ToArray();
            var history = before.GetValueOrDefault(key) ?? [];
            if (metric.IsCount)
            {
                leaves.Add(new ExplainLeaf(values, row.Value ?? 0.0, history.Sum(r => r.Value ?? 0.0) / weeks, 1.0, 0.0, 0.0));
            }
            else if (metric.IsProportion && row.Denominator is > 0 and var denominator)
            {
                var (num, den) = (history.Sum(r => r.Numerator ?? 0.0), history.Sum(r => r.Denominator ?? 0.0));
                var rate = (num + (prior * overallRate)) / (den + prior);
                leaves.Add(new ExplainLeaf(values, row.Numerator ?? 0.0, denominator * (double.IsFinite(rate) ? rate : overallRate), denominator, num / weeks, den / weeks));
            }
            else if (row.Value is { } value && history.Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList() is { Count: > 0 } past)
            {
                var weight = volume.GetValueOrDefault(key, 1.0);
                leaves.Add(new ExplainLeaf(values, value * weight, past.Average() * weight, weight, 0.0, 0.0));
            }
        }
        // Leaves that vanished this period are a change too (a count fell to zero).
        if (metric.IsCount)
        {
            foreach (var (key, history) in before.Where(b => !now.ContainsKey(b.Key)))
            {
                var values = dimensions.Select(d => history[0].Dimensions.GetValueOrDefault(d) ?? "(none)").ToArray();
                leaves.Add(new ExplainLeaf(values, 0.0, history.Sum(r => r.Value ?? 0.0) / weeks, 1.0, 0.0, 0.0));
            }
        }
        return leaves;
    }
}
