using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.ClickHouse.Tests;

/// <summary>Asserts two engines' results for the same request are the same: counts and quantiles exactly, everything else to 1e-9 relative.</summary>
internal static class ResultComparer
{
    public static void AssertSame(MetricCatalog catalog, IReadOnlyList<MetricResult> expected, IReadOnlyList<MetricResult> actual, string request)
    {
        Assert.True(expected.Count > 0, $"{request}: DuckDB returned no rows, so nothing is compared.");
        Assert.Equal(expected.Select(Key), actual.Select(Key));
        for (var i = 0; i < expected.Count; i++)
        {
            var metric = catalog.Metric(expected[i].Metric);
            var exact = metric is { Kind: MetricKind.Measure, Measure.Aggregate: AggregateFunction.Count or AggregateFunction.OpenAtEnd or AggregateFunction.Median or AggregateFunction.P90 };
            var where = $"{request}: {Key(expected[i])}";
            Same(expected[i].Value, actual[i].Value, exact, where + " value");
            Same(expected[i].Numerator, actual[i].Numerator, exact, where + " numerator");
            Same(expected[i].Denominator, actual[i].Denominator, exact, where + " denominator");
            Same(expected[i].SampleSize, actual[i].SampleSize, exact: true, where + " sample size");
        }
    }

    private static string Key(MetricResult r) =>
        $"{r.Metric} {r.Bucket:yyyy-MM-dd HH:mm} {string.Join(",", r.Dimensions.Select(d => $"{d.Key}={d.Value ?? "(null)"}"))}";

    private static void Same(double? expected, double? actual, bool exact, string where)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{where}: DuckDB {expected}, ClickHouse {actual}");
            return;
        }
        var ok = exact ? expected.Value.Equals(actual.Value)
            : Math.Abs(expected.Value - actual.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value));
        Assert.True(ok, $"{where}: DuckDB {expected:R}, ClickHouse {actual:R}");
    }
}
