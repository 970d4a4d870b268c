using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Web.Api;

/// <summary>
/// The target each explorer row is judged against (<see cref="SegmentTargets"/>: the store's most specific target row
/// for the segment, else the catalogue's <c>target</c>). A row's segment is what the request's filters narrow to with
/// one value, plus the row's own dimension values (by market: each market's); the day is the row's bucket's first day,
/// or the period's last day for a row of the whole period (as the overview judges its tiles).
/// </summary>
internal static class RowTargets
{
    public static IReadOnlyList<QueryRow> Apply(IReadOnlyList<QueryRow> rows, MetricRequest request, MetricCatalog catalog, Model.ReferenceData reference)
    {
        var filtered = SegmentTargets.SegmentOf(request.Filters);
        var lastDay = DateOnly.FromDateTime(request.Period.End.AddDays(-1));
        return rows.Select(row =>
        {
            var segment = new Dictionary<string, string>(filtered, StringComparer.Ordinal);
            foreach (var (dimension, value) in row.Dimensions)
            {
                if (value is not null)
                {
                    segment[dimension] = value;
                }
            }
            var day = row.Bucket is { } bucket ? DateOnly.FromDateTime(bucket) : lastDay;
            return row with { Target = SegmentTargets.For(catalog.Metric(row.Metric), segment, day, reference) };
        }).ToList();
    }

    /// <summary>The axis each metric of the answer is drawn on, in the page's language.</summary>
    public static IReadOnlyList<MetricAxis> Axes(MetricRequest request, MetricCatalog catalog, string language) =>
        request.Metrics.Select(catalog.Metric).Select(m =>
        {
            var percent = m.Format == ValueFormat.Percent;
            return new MetricAxis(m.Id, m.Name.In(language), percent ? "%" : ValueFormatter.For(language).UnitName(m.Unit), percent);
        }).ToList();
}
