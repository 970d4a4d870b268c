using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class LogBucketSketchTests
{
    private static LogBucketSketch Of(params double[] values)
    {
        var sketch = new LogBucketSketch();
        foreach (var value in values)
        {
            var (sign, index) = LogBucketSketch.BucketOf(value);
            sketch.Add(sign, index, 1);
        }
        return sketch;
    }

    [Fact]
    public void A_bucket_is_represented_at_equal_relative_distance_from_its_ends()
    {
        // γ = 1.01/0.99; r_i = 2γ^i/(γ + 1) = (1 − α)γ^i: 0.99 for bucket 0 ((1/γ, 1]), 0.99·1.01/0.99 = 1.01 for bucket 1.
        Assert.Equal(0.99, LogBucketSketch.Representative(1, 0), 12);
        Assert.Equal(1.01, LogBucketSketch.Representative(1, 1), 12);
        Assert.Equal(-1.01, LogBucketSketch.Representative(-1, 1), 12);
        Assert.Equal((1, 0), LogBucketSketch.BucketOf(1.0));
        Assert.Equal((1, 1), LogBucketSketch.BucketOf(1.015));
        Assert.Equal((0, 0), LogBucketSketch.BucketOf(0.0));
    }

    [Fact]
    public void Each_rank_is_the_representative_of_the_plainly_sorted_values_whatever_order_buckets_come_in()
    {
        // Buckets as a rollup's rows bring them: unsorted, one bucket twice (summed), a zero-count bucket, negatives and zero,
        // and a read between adds (the sorted view must follow the later adds).
        (int Sign, int Index, long Count)[] rows = [(1, 40, 3), (-1, 5, 2), (1, -3, 1), (0, 0, 4), (1, 40, 2), (1, 7, 0), (-1, 20, 1), (1, 7, 5)];
        var sketch = new LogBucketSketch();
        var plain = new List<double>();
        foreach (var (sign, index, count) in rows)
        {
            sketch.Add(sign, index, count);
            plain.AddRange(Enumerable.Repeat(LogBucketSketch.Representative(sign, index), (int)count));
            plain.Sort();
            Assert.Equal(plain.Count, sketch.Count);
            for (var rank = 1; rank <= plain.Count; rank++)
            {
                Assert.Equal(plain[rank - 1], sketch.ValueAtRank(rank));
            }
        }
    }

    [Fact]
    public void Quantiles_interpolate_as_quantile_cont_within_one_percent_of_the_exact_ones()
    {
        double[] values = [0.5, 1, 3, 7.25, 10, 10.5, 100, 1000, 0.002, 48];
        var sketch = Of(values);
        foreach (var q in new[] { 0.0, 0.1, 0.5, 0.9, 0.95, 1.0 })
        {
            var exact = Quantiles.Continuous(values, q);
            var approximate = sketch.Quantile(q)!.Value;
            Assert.True(Math.Abs(approximate - exact) <= LogBucketSketch.RelativeError * exact, $"q={q}: {approximate} against {exact}");
        }
        // Three equal values: every quantile is bucket 0's representative, 0.99.
        Assert.Equal(0.99, Of(1, 1, 1).Quantile(0.5)!.Value, 12);
        Assert.Null(new LogBucketSketch().Quantile(0.5));
    }

    [Fact]
    public void Sketches_merge_by_adding_bucket_counts_and_order_negatives_zero_positives()
    {
        var merged = Of(3, 0, 7);
        merged.Add(-1, LogBucketSketch.BucketOf(-2).Index, 1);
        var whole = Of(3, 0, 7, -2);
        Assert.Equal(4, merged.Count);
        foreach (var rank in new long[] { 1, 2, 3, 4 })
        {
            Assert.Equal(whole.ValueAtRank(rank), merged.ValueAtRank(rank));
        }
        // Sorted: −2, 0, 3, 7; the median interpolates halfway between 0 and 3's representative.
        Assert.True(merged.ValueAtRank(1) < 0 && Math.Abs(merged.ValueAtRank(1) + 2) <= 0.02);
        Assert.Equal(0.0, merged.ValueAtRank(2));
        Assert.Equal(merged.ValueAtRank(3) / 2, merged.Quantile(0.5)!.Value, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => merged.Add(2, 0, 1));
    }
}
