using ModScope.Catalog;

namespace ModScope.Query;

/// <summary>
/// A comparison whose current or previous period (or the row's bucket in it) starts before the first day its metric's
/// sources hold data (<see cref="IMetricEngine.FirstDays"/>): that period has data for only part of its days.
/// <see cref="Comparable"/> says whether the door still gave a change (see <see cref="CoverageRule"/>): false for counts,
/// sums and backlogs (a total over fewer days is not a fall or a rise), true for shares, means, quantiles and ratios on
/// the covered days.
/// </summary>
/// <param name="FirstDay">The first local day the metric's sources hold data (the latest of its sources' first days).</param>
/// <param name="Days">Days in the current period (or bucket).</param>
/// <param name="DaysWithData">Of those, the days on or after <paramref name="FirstDay"/>.</param>
/// <param name="PreviousDays">Days in the previous period (or its aligned bucket).</param>
/// <param name="PreviousDaysWithData">Of those, the days on or after <paramref name="FirstDay"/>.</param>
/// <param name="Comparable">Whether the change (and its test) was kept: the metric compares on the covered days.</param>
public sealed record ComparisonCoverage(DateOnly FirstDay, int Days, int DaysWithData, int PreviousDays, int PreviousDaysWithData, bool Comparable)
{
    /// <summary>The previous period has data for fewer than all its days.</summary>
    public bool PreviousPartial => PreviousDaysWithData < PreviousDays;

    /// <summary>The current period has data for fewer than all its days.</summary>
    public bool CurrentPartial => DaysWithData < Days;
}

/// <summary>
/// Decides, per result of a comparison, whether its periods are covered by the data (<see cref="ComparisonCoverage"/>).
/// A metric's first day is the latest first day of the sources it reads (following ratios' parts), in the request's
/// time zone. A count, a sum or a backlog over a partly covered period is not comparable: no change, no test. A share,
/// a mean, a quantile or a ratio is an average over the rows there are, so it is compared on the covered days (the
/// result says so), unless its sources start on different days within a period (a ratio whose numerator covers fewer
/// days than its denominator): then not comparable either.
/// </summary>
internal sealed class CoverageRule
{
    private readonly MetricCatalog _catalog;
    private readonly IReadOnlyDictionary<string, DateTime> _firstDays;
    private readonly TimeZoneInfo _zone;
    private readonly IReadOnlyList<(DateTime Start, DateTime End)> _current;
    private readonly IReadOnlyList<(DateTime Start, DateTime End)> _previous;
    private readonly Dictionary<DateTime, int> _currentIndex = [];
    private readonly Dictionary<string, (DateTime Earliest, DateTime Latest)?> _metricDays = new(StringComparer.Ordinal);

    public CoverageRule(MetricCatalog catalog, IReadOnlyDictionary<string, DateTime> firstDays, MetricRequest request, Period previous)
    {
        _catalog = catalog;
        _firstDays = firstDays;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(request.Period.TimeZone);
        _current = Spans(request.Period, request.Grain);
        _previous = Spans(previous, request.Grain);
        for (var i = 0; i < _current.Count; i++)
        {
            _currentIndex.TryAdd(request.Grain == TimeGrain.None ? DateTime.MinValue : Buckets.Start(_current[i].Start, request.Grain), i);
        }
    }

    /// <summary>The coverage of the result's metric in its bucket (aligned by position, as the comparison is), or null when both periods are covered.</summary>
    public ComparisonCoverage? For(string metricId, DateTime? bucket)
    {
        if (Days(metricId) is not { } days
            || !_currentIndex.TryGetValue(bucket ?? DateTime.MinValue, out var index) || index >= _previous.Count)
        {
            return null;
        }
        var (start, end) = _current[index];
        var (previousStart, previousEnd) = _previous[index];
        if (days.Latest <= previousStart && days.Latest <= start)
        {
            return null;
        }
        var (total, covered) = Covered(start, end, days.Latest);
        var (previousTotal, previousCovered) = Covered(previousStart, previousEnd, days.Latest);
        // Sources starting on different days within either span: the parts of a ratio cover different days.
        var mixed = Math.Max(days.Earliest.Ticks, start.Ticks) != Math.Max(days.Latest.Ticks, start.Ticks)
            || Math.Max(days.Earliest.Ticks, previousStart.Ticks) != Math.Max(days.Latest.Ticks, previousStart.Ticks);
        var comparable = Intensive(_catalog.Metric(metricId)) && !mixed && covered > 0 && previousCovered > 0;
        return new ComparisonCoverage(DateOnly.FromDateTime(days.Latest), total, covered, previousTotal, previousCovered, comparable);
    }

    /// <summary>
    /// True for a metric that is an average over its rows (a share, a mean, a quantile, a ratio, an agreement), so fewer
    /// days of rows estimate the same thing; false for a count, a sum or a backlog, which grow with the days covered.
    /// </summary>
    public static bool Intensive(MetricDefinition metric) =>
        metric.Kind != MetricKind.Measure
        || metric.Measure?.Aggregate is AggregateFunction.Avg or AggregateFunction.Median or AggregateFunction.P90;

    // Days in [start, end) and of those the days on or after the first day (whole local days; a part day counts as one).
    private static (int Days, int Covered) Covered(DateTime start, DateTime end, DateTime first)
    {
        var from = first > start ? first : start;
        return ((int)Math.Ceiling((end - start).TotalDays), from >= end ? 0 : (int)Math.Ceiling((end - from).TotalDays));
    }

    // The earliest and the latest first local day of the metric's sources; null when one holds no rows or none is known.
    private (DateTime Earliest, DateTime Latest)? Days(string metricId)
    {
        if (_metricDays.TryGetValue(metricId, out var known))
        {
            return known;
        }
        var sources = CatalogValidator.Sources(_catalog.Metric(metricId), _catalog.Metrics.ToDictionary(m => m.Id)).ToHashSet(StringComparer.Ordinal);
        (DateTime, DateTime)? days = null;
        if (sources.Count > 0 && sources.All(_firstDays.ContainsKey))
        {
            var local = sources.Select(s => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(_firstDays[s], DateTimeKind.Utc), _zone).Date).ToList();
            days = (local.Min(), local.Max());
        }
        _metricDays[metricId] = days;
        return days;
    }

    // The request's buckets as local [start, end) spans within the period (the first clipped to the period's start).
    private static List<(DateTime Start, DateTime End)> Spans(Period period, TimeGrain grain) =>
        Buckets.Within(period, grain).Select(b => (b.Start < period.Start ? period.Start : b.Start, b.End)).ToList();
}
