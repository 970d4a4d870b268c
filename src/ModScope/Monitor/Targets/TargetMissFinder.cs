using System.Globalization;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Query;

namespace ModScope.Monitor.Targets;

/// <summary>
/// Segments that missed their own target for several full weeks running: for every target row naming one segment
/// (the store's <c>targets*.csv</c> and the catalogue's <c>targets:</c>; market, region, site, queue or policy), the
/// metric by that dimension by ISO week through the last full week, each week judged against the segment's target in
/// force on its last day (<see cref="SegmentTargets"/>, so a raised target counts from its week) by
/// <see cref="TargetStreak"/>. A streak is a warning alert of detector <c>target</c>, its value the last week's and its
/// expected value the target.
/// </summary>
public sealed class TargetMissFinder(MetricCatalog catalog, MetricQuery query)
{
    /// <summary>Full weeks in a row a segment must miss its target (at least 1).</summary>
    public int Weeks { get; init; } = 3;

    /// <summary>The streaks of the <see cref="Weeks"/> full ISO weeks that end on or before <paramref name="through"/>.</summary>
    public async Task<IReadOnlyList<AlertFinding>> FindAsync(DateOnly through, CancellationToken cancellationToken = default)
    {
        var lastSunday = through.AddDays(-(((int)through.DayOfWeek) % 7));
        var first = lastSunday.AddDays(1 - (7 * Weeks));
        var reference = query.Reference;
        var findings = new List<AlertFinding>();
        foreach (var (metric, dimension, values) in Segments(reference))
        {
            var period = Period.UtcDays(first, lastSunday) with { Label = $"{Weeks} weeks to {lastSunday:yyyy-MM-dd}" };
            var request = new MetricRequest([metric.Id], [dimension], TimeGrain.Week, [new DimensionFilter(dimension, FilterOperator.In, values)], period);
            var rows = await query.RunAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var value in values)
            {
                var segment = new Dictionary<string, string> { [dimension] = value };
                var history = Enumerable.Range(0, Weeks).Select(w =>
                {
                    var monday = first.AddDays(7 * w);
                    var row = rows.FirstOrDefault(r => r.Dimensions.GetValueOrDefault(dimension) == value && r.Bucket is { } b && DateOnly.FromDateTime(b) == monday);
                    return (Row: row, Target: SegmentTargets.For(metric, segment, monday.AddDays(6), reference));
                }).ToList();
                if (TargetStreak.Missed(metric, history, Weeks))
                {
                    findings.Add(Finding(metric, $"{dimension}={value}", first, lastSunday, history[^1].Row!.Value!.Value, history[^1].Target!.Value));
                }
            }
        }
        return findings;
    }

    /// <summary>Each metric and dimension with the values that have a target row of their own naming only that dimension.</summary>
    private IEnumerable<(MetricDefinition Metric, string Dimension, IReadOnlyList<string> Values)> Segments(ReferenceData reference)
    {
        var rows = reference.Targets.Concat(catalog.Metrics.SelectMany(m => m.CatalogTargets));
        return rows
            .Select(t => (t.Metric, Named: SegmentTarget.SegmentColumns.Where(c => t.Of(c).Length > 0).ToList(), Row: t))
            .Where(t => t.Named.Count == 1 && catalog.Metrics.Any(m => m.Id == t.Metric))
            .GroupBy(t => (t.Metric, Dimension: t.Named[0]))
            .Select(g => (Metric: catalog.Metric(g.Key.Metric), g.Key.Dimension, Values: (IReadOnlyList<string>)g.Select(t => t.Row.Of(g.Key.Dimension)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .Where(s => s.Metric.Direction != MetricDirection.Neutral && s.Metric.Dimensions.Contains(s.Dimension))
            .OrderBy(s => s.Metric.Id, StringComparer.Ordinal).ThenBy(s => s.Dimension, StringComparer.Ordinal);
    }

    private AlertFinding Finding(MetricDefinition metric, string segment, DateOnly first, DateOnly last, double value, double target)
    {
        var facts = FindingFacts.Of("target.missed",
            ("metric", new FindingFact(FactKind.Metric, Text: metric.Id)), ("segment", new FindingFact(FactKind.Segment, Text: segment)),
            ("weeks", FindingFacts.Count(Weeks)), ("value", new FindingFact(FactKind.Value, value, metric.Id)),
            ("target", new FindingFact(FactKind.Value, target, metric.Id)));
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{metric.Name.En} for {segment} missed its target of {target} in each of the last {Weeks} full weeks (last week {value}).");
        return new AlertFinding(AlertKind.Metric, metric.Id, segment, first, last, AlertSeverity.Warning, Math.Sign(value - target), Weeks, AlertDetectors.Target, message)
        {
            Value = value,
            Expected = target,
            Facts = facts,
        };
    }
}
