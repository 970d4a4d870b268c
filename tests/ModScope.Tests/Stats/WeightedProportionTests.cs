using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class WeightedProportionTests
{
    [Fact]
    public void Estimate_for_four_weighted_rows_matches_hand_computation()
    {
        // w = 1, 1, 2, 4; y = 1, 0, 1, 1. Σw = 8, Σwy = 7 → p̂ = 0.875.
        // Kish n_eff = 8² / (1 + 1 + 4 + 16) = 64/22 = 2.909091.
        // v = n/(n−1) Σ w²(y − p̂)² / (Σw)² = 4/3 · (0.015625 + 0.765625 + 0.0625 + 0.25) / 64
        //   = 4/3 · 1.09375 / 64 = 0.0227865.
        var estimate = WeightedProportion.Estimate([(1, 1), (1, 0), (2, 1), (4, 1)]);

        Assert.Equal(0.875, estimate.Estimate, 12);
        Assert.Equal(64.0 / 22.0, estimate.EffectiveSampleSize, 12);
        Assert.Equal(0.0227865, estimate.Variance, 7);
        Assert.Equal(8.0, estimate.WeightTotal);
        Assert.Equal(4L, estimate.SampleSize);
    }

    [Fact]
    public void Estimate_with_equal_weights_reduces_to_the_plain_Wilson_interval()
    {
        var rows = Enumerable.Range(0, 100).Select(i => (Weight: 3.0, Outcome: i < 95 ? 1.0 : 0.0)).ToList();

        var estimate = WeightedProportion.Estimate(rows);
        var plain = ProportionInterval.Wilson(95, 100);

        Assert.Equal(0.95, estimate.Estimate, 12);
        Assert.Equal(100.0, estimate.EffectiveSampleSize, 9);
        Assert.Equal(plain.Lower, estimate.Interval.Lower, 12);
        Assert.Equal(plain.Upper, estimate.Interval.Upper, 12);
    }

    [Fact]
    public void Estimate_skips_zero_weights_and_rejects_negative_weights_or_outcomes_outside_unit_interval()
    {
        var estimate = WeightedProportion.Estimate([(0, 0), (2, 1), (2, 0)]);

        Assert.Equal(0.5, estimate.Estimate, 12);
        Assert.Equal(2L, estimate.SampleSize);
        var error = Assert.Throws<ArgumentException>(() => WeightedProportion.Estimate([(-1, 1), (1, 2)]));
        Assert.Contains("#0 has weight -1", error.Message);
        Assert.Contains("#1 has outcome 2", error.Message);
    }
}
