using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>
/// Finds significant movements and ranks them. The rules, in order: only changes the query marked significant;
/// impact = size of the change × the segment's weight in the total; raised by 25% per week it has kept moving the
/// same way and by half when it crossed its target. A change that is not significant is never a movement.
/// </summary>
public static class Movements
{
    public static IReadOnlyList<Movement> Find(ReportData data, IReadOnlyList<string> metrics, IReadOnlyList<string> dimensions, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(dimensions);
        var found = new List<Movement>();
        var totals = data.Set(ReportSets.Headline);
        foreach (var id in metrics)
        {
            var metric = data.Catalog.Metric(id);
            var total = totals?.Total(id);
            // The total decision volume is the headline's own sentence; its slices can still move.
            if (total is not null && id != data.Catalog.Roles.Volume && Candidate(metric, total, null, totals!.Id, total, data.Rows(ReportSets.Weekly), rules) is { } m)
            {
                found.Add(m);
            }
            foreach (var dimension in dimensions)
            {
                if (data.Set(ReportSets.By(dimension)) is not { } set)
                {
                    continue;
                }
                var weekly = data.Rows(ReportSets.WeeklyBy(dimension));
                found.AddRange(set.Of(id).Where(r => r.Dimensions.GetValueOrDefault(dimension) is not null)
                    .Select(r => Candidate(metric, r, dimension, set.Id, total, weekly, rules)).OfType<Movement>());
            }
        }
        return found.OrderByDescending(m => m.Score).ThenBy(m => m.Metric.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The top movements: at most <see cref="StoryRules.MaxMovements"/>; past the minimum, only those near the top score.</summary>
    public static IReadOnlyList<Movement> Top(IReadOnlyList<Movement> ranked, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(rules);
        if (ranked.Count == 0)
        {
            return [];
        }
        var top = ranked[0].Score;
        return ranked.Where((m, i) => i < rules.MinMovements || m.Score >= rules.MinScoreShareOfTop * top).Take(rules.MaxMovements).ToList();
    }

    private static Movement? Candidate(MetricDefinition metric, MetricResult row, string? dimension, string source, MetricResult? total, IEnumerable<MetricResult> weekly, StoryRules rules)
    {
        if (!LargeEnough(metric, row, rules) || row.Significant != true || row.Value is not { } now || row.ComparisonValue is not { } then || row.AbsoluteChange is not { } change || change == 0)
        {
            return null;
        }
        var size = metric.IsProportion ? Math.Abs(change) / Math.Max(Math.Min(then, 1 - then), 0.01)
            : Math.Abs(change) / Math.Max(Math.Abs(then), 1e-9);
        var impact = size * Weight(metric, row, total);
        var series = Persistence.Series(weekly, metric.Id, row.Dimensions);
        var crossed = Thresholds.Point(metric, now) != Thresholds.Point(metric, then);
        return new Movement(metric, row, dimension, source, impact, Persistence.MovingWeeks(series, Math.Sign(change)), crossed);
    }

    /// <summary>A slice too small to judge is never a movement: sampled metrics need enough audits, census shares enough events.</summary>
    public static bool LargeEnough(MetricDefinition metric, MetricResult row, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(rules);
        return metric.Sampled ? row.SampleSize >= rules.MinAudits
            : metric.IsProportion ? row.Denominator >= rules.MinDenominator
            : true;
    }

    /// <summary>The segment's share of the total: by denominator for ratios, by value for counts; 1 for the total.</summary>
    private static double Weight(MetricDefinition metric, MetricResult row, MetricResult? total)
    {
        if (row.Dimensions.Count == 0 || total is null)
        {
            return 1;
        }
        var share = row.Denominator is { } d && total.Denominator is { } td && td > 0 ? d / td
            : metric.IsCount && row.Value is { } v && total.Value is { } tv && tv > 0 ? v / tv
            : 1;
        return Math.Clamp(share, 0, 1);
    }
}
