using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class RateChangeTests
{
    [Fact]
    public void Decompose_for_a_mix_shift_toward_a_harder_queue_matches_hand_computation()
    {
        // Baseline: text 800 at 0.98, video 200 at 0.90 → W = 0.8, 0.2; p = 0.784 + 0.18 = 0.964.
        // Current:  text 600 at 0.98, video 400 at 0.89 → W' = 0.6, 0.4; p' = 0.588 + 0.356 = 0.944.
        // Mix  = (0.6 − 0.8)·0.98 + (0.4 − 0.2)·0.90 = −0.196 + 0.18 = −0.016
        // Rate = 0.6·(0.98 − 0.98) + 0.4·(0.89 − 0.90) = −0.004; total −0.020 = 0.944 − 0.964.
        var change = RateChange.Decompose(
            [new("text", 800, 0.98), new("video", 200, 0.90)],
            [new("text", 600, 0.98), new("video", 400, 0.89)]);

        Assert.Equal(0.964, change.BaselineRate, 12);
        Assert.Equal(0.944, change.CurrentRate, 12);
        Assert.Equal(-0.016, change.MixEffect, 12);
        Assert.Equal(-0.004, change.RateEffect, 12);
        Assert.Equal(change.Change, change.MixEffect + change.RateEffect, 12);
        Assert.Equal(0.18, change.Strata[1].MixEffect, 12);
    }

    [Fact]
    public void Decompose_new_and_vanished_strata_count_as_mix_and_still_add_up()
    {
        // Baseline: a 500 at 0.9, b 500 at 0.8 → 0.85. Current: a 500 at 0.9, c 500 at 0.6 → 0.75.
        // a: mix (0.5 − 0.5)·0.9 = 0; b vanished: mix −0.5·0.8 = −0.4; c new: mix 0.5·0.6 = 0.3. Rate 0. Total −0.1.
        var change = RateChange.Decompose(
            [new("a", 500, 0.9), new("b", 500, 0.8)],
            [new("a", 500, 0.9), new("c", 500, 0.6)]);

        Assert.Equal(-0.1, change.Change, 12);
        Assert.Equal(-0.1, change.MixEffect, 12);
        Assert.Equal(0.0, change.RateEffect, 12);
        Assert.Equal(["a", "b", "c"], change.Strata.Select(s => s.Name));
    }

    [Fact]
    public void Decompose_with_a_rate_outside_the_unit_interval_throws()
    {
        var error = Assert.Throws<ArgumentException>(() => RateChange.Decompose([new("a", 10, 1.5)], [new("a", 10, 0.5)]));

        Assert.Contains("'a' has rate 1.5", error.Message);
    }
}
