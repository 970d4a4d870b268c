using System.Globalization;
using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>
/// What the rollup parity checks of both engines share (this file is linked into ModScope.ClickHouse.Tests): answers
/// from the rollup equal the raw ones to 1e-9, and a re-delivery that moves decisions to the next day.
/// </summary>
internal static class RollupParity
{
    /// <summary>
    /// Same rows in the same order, each value, numerator, denominator, sample size and interval within 1e-9; a quantile
    /// read from the rollup's sketch (marked with its relative error) within that error of the raw value and bounds.
    /// </summary>
    public static void AssertSame(IReadOnlyList<MetricResult> expected, IReadOnlyList<MetricResult> actual, string label)
    {
        Assert.True(expected.Count == actual.Count, $"{label}: {expected.Count} raw rows, {actual.Count} from the rollup");
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var what = $"{label}: {e.Metric} {e.Bucket:yyyy-MM-dd} {string.Join(",", e.Dimensions.Values)}";
            Assert.True(e.Metric == a.Metric && e.Bucket == a.Bucket && e.Dimensions.SequenceEqual(a.Dimensions), $"{what}: row {i} differs in its key");
            Assert.True(e.RelativeError is null || e.RelativeError == a.RelativeError, $"{what}: approximate on one side only");
            if (a.RelativeError is { } bound)
            {
                Within(e.Value, a.Value, bound, what + " value");
                Within(e.Interval?.Lower, a.Interval?.Lower, bound, what + " interval lower bound");
                Within(e.Interval?.Upper, a.Interval?.Upper, bound, what + " interval upper bound");
                continue;
            }
            Close(e.Value, a.Value, what + " value");
            Close(e.Numerator, a.Numerator, what + " numerator");
            Close(e.Denominator, a.Denominator, what + " denominator");
            Close(e.SampleSize, a.SampleSize, what + " sample size");
            Close(e.Interval?.Lower, a.Interval?.Lower, what + " interval lower bound");
            Close(e.Interval?.Upper, a.Interval?.Upper, what + " interval upper bound");
        }
    }

    /// <summary>
    /// The rollup the door should answer from (<c>rollup NAME</c> at the start of <c>--explain</c>'s line), worked out
    /// apart from the door: of the catalogue's rollups whose dimensions hold the request's dimensions and filters, the
    /// one whose stored rows the engine says are fewest (the first in the catalogue on a tie).
    /// </summary>
    public static string ExpectedRollup(MetricCatalog catalog, IMetricEngine engine, IReadOnlyList<string> dimensions, IReadOnlyList<string> filtered)
    {
        var covering = catalog.Rollups.Where(r => dimensions.Concat(filtered).All(r.Dimensions.Contains)).ToList();
        Assert.True(covering.Count > 0, $"no rollup of the catalogue holds [{string.Join(",", dimensions.Concat(filtered))}]");
        var smallest = covering[0];
        foreach (var rollup in covering.Skip(1))
        {
            if ((engine.Rollup(rollup.Name)?.Rows ?? long.MaxValue) < (engine.Rollup(smallest.Name)?.Rows ?? long.MaxValue))
            {
                smallest = rollup;
            }
        }
        return smallest.Name;
    }

    /// <summary>Asserts that <paramref name="answered"/> (a plan's <c>Answered</c>) names rollup <paramref name="name"/> as its source.</summary>
    public static void AnsweredFrom(string name, string answered, string label) =>
        Assert.True(answered == $"rollup {name}" || answered.StartsWith($"rollup {name};", StringComparison.Ordinal),
            $"{label}: answered from '{answered}', expected rollup {name}");

    /// <summary>
    /// The decisions file <paramref name="decisions"/> written to <paramref name="path"/> with an unknown verdict in its last
    /// row: a <c>--strict</c> load of it fails and is rolled back.
    /// </summary>
    public static string BrokenVerdict(string decisions, string path)
    {
        var lines = File.ReadAllLines(decisions);
        var verdict = Array.IndexOf(lines[0].Split(','), "verdict");
        var broken = lines[^1].Split(',');
        broken[verdict] = "maybe";
        File.WriteAllLines(path, [.. lines[..^1], string.Join(',', broken)]);
        return path;
    }

    /// <summary>
    /// A copy of <paramref name="rows"/> rows of a decisions file with a higher version (<paramref name="bump"/>), decided
    /// a day later and a second longer (market, queue and created_at kept, as ClickHouse's sorting key needs), written to
    /// <paramref name="path"/>: each replaces its decision, moving it and its audits and appeals to the next day.
    /// </summary>
    public static string Redelivery(string decisions, string path, int rows, int bump)
    {
        var lines = File.ReadAllLines(decisions);
        var header = lines[0].Split(',');
        var (decidedAt, version, seconds) = (Array.IndexOf(header, "decided_at"), Array.IndexOf(header, "version"), Array.IndexOf(header, "handling_seconds"));
        var moved = lines.Skip(1).Where(l => !l.Contains('"', StringComparison.Ordinal)).Take(rows).Select(l =>
        {
            var values = l.Split(',');
            values[decidedAt] = DateTimeOffset.Parse(values[decidedAt], CultureInfo.InvariantCulture).AddDays(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            values[version] = (int.Parse(values[version], CultureInfo.InvariantCulture) + bump).ToString(CultureInfo.InvariantCulture);
            values[seconds] = values[seconds].Length == 0 ? "" : (double.Parse(values[seconds], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
            return string.Join(',', values);
        });
        File.WriteAllLines(path, [lines[0], .. moved]);
        return path;
    }

    /// <summary>|actual − expected| ≤ bound·|expected| (and 1e-12 for the floating-point rounding of the bucket's representative).</summary>
    private static void Within(double? expected, double? actual, double bound, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected.Equals(actual), $"{what}: {expected} raw, {actual} from the sketch");
            return;
        }
        Assert.True(Math.Abs(expected.Value - actual.Value) <= (bound * Math.Abs(expected.Value)) + 1e-12,
            $"{what}: {expected:R} raw, {actual:R} from the sketch, more than {bound:R} apart relatively");
    }

    private static void Close(double? expected, double? actual, string what)
    {
        if (expected is null || actual is null || double.IsNaN(expected.Value))
        {
            Assert.True(expected.Equals(actual) || (expected is { } x && actual is { } y && double.IsNaN(x) && double.IsNaN(y)), $"{what}: {expected} raw, {actual} rollup");
            return;
        }
        Assert.True(Math.Abs(expected.Value - actual.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value)), $"{what}: {expected:R} raw, {actual:R} rollup");
    }
}
