using ModScope.Catalog;
using ModScope.Monitor.Detection;
using ModScope.Query;

namespace ModScope.Monitor.Scan;

/// <summary>
/// A metric × segment series exactly as the monitor judges it: QA proportions pooled over a trailing week, quantiles
/// with their standard errors, counts zero on a day without rows, from the segment's first data day; and the
/// detector settings the monitor uses for it. The scanner and every view of an alert's series (the dashboard) share it,
/// so the band a reader sees is the band that raised the alert.
/// </summary>
public static class MonitorSeries
{
    public static IReadOnlyList<SeriesPoint> Points(MetricDefinition metric, IReadOnlyDictionary<DateOnly, MetricResult> byDay,
        IEnumerable<DateOnly> days, DateOnly from, Func<DateOnly, bool> knownEvent)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(byDay);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(knownEvent);
        var pooled = Pooled(metric);
        return days.Where(d => d >= from).Select(d =>
            {
                var time = d.ToDateTime(TimeOnly.MinValue);
                var known = knownEvent(d);
                if (pooled)
                {
                    var (value, sample) = TrailingWeek.Pool(byDay, d);
                    return new SeriesPoint(time, value, sample, known);
                }
                return byDay.TryGetValue(d, out var r)
                    ? new SeriesPoint(time, r.Value ?? double.NaN, SeriesShape.SampleSize(metric, r), known, SeriesShape.StandardError(metric, r))
                    : new SeriesPoint(time, SeriesShape.Missing(metric), null, known);
            })
            .ToList();
    }

    public static DetectorSettings Detector(MetricDefinition metric, MonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(settings);
        return new DetectorSettings { Period = settings.Period, Kind = SeriesShape.Kind(metric), MinSampleSize = settings.MinSampleSize, SamplingZ = settings.SamplingZ, LevelShifts = !Pooled(metric) };
    }

    /// <summary>The daily request for one metric in one segment over the days, as the scan asks for it.</summary>
    public static MetricRequest Request(MetricDefinition metric, IReadOnlyList<DimensionFilter> filters, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return new MetricRequest([metric.Id], [], TimeGrain.Day, filters, Period.UtcDays(from, to)) 
        {
            QuantileIntervals = SeriesShape.IsQuantile(metric),
            LevelErrors = SeriesShape.HasLevelError(metric),
        };
    }

    private static bool Pooled(MetricDefinition metric) => metric.Kind == MetricKind.Proportion;
}
