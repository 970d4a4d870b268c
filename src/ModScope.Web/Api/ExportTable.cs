using System.Globalization;
using ModScope.Query;

namespace ModScope.Web.Api;

/// <summary>
/// Query results as flat rows with invariant values, the shape both CSV and XLSX exports write: the answer cap counts
/// these columns (<see cref="Hardening.ResultLimit.FixedColumns"/> plus one per dimension).
/// </summary>
internal static class ExportTable
{
    public static List<Dictionary<string, object?>> Rows(MetricRequest request, IReadOnlyList<QueryRow> rows) =>
        rows.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["metric"] = r.Metric,
                ["metric_name"] = r.MetricName,
                ["bucket"] = r.Bucket?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            };
            foreach (var dimension in request.Dimensions)
            {
                row[dimension] = r.Dimensions.TryGetValue(dimension, out var value) ? value : null;
            }
            row["value"] = r.Value;
            row["comparison_value"] = r.ComparisonValue;
            row["absolute_change"] = r.AbsoluteChange;
            row["relative_change"] = r.RelativeChange;
            row["significant"] = r.Significant;
            row["lower"] = r.Lower;
            row["upper"] = r.Upper;
            row["sample_size"] = r.SampleSize;
            return row;
        }).ToList();
}
