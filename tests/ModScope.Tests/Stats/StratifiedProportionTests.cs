using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class StratifiedProportionTests
{
    [Fact]
    public void Estimate_for_two_strata_matches_hand_computation()
    {
        // A: N = 8000, n = 100, x = 96 (p̂ = 0.96); B: N = 2000, n = 100, x = 80 (p̂ = 0.80); W = 0.8, 0.2.
        // p̂_st = 0.8·0.96 + 0.2·0.80 = 0.928 (the unweighted 176/200 = 0.88 would be wrong).
        // V_A = 0.64 · 0.96·0.04/99 · (1 − 100/8000) = 0.024576 · 0.9875 / 99 = 0.0002451394
        // V_B = 0.04 · 0.80·0.20/99 · (1 − 100/2000) = 0.0064 · 0.95 / 99     = 0.0000614141
        // V = 0.0003065535, SE = 0.0175087.
        // Interval: adjusted rates p̃ = (x + z²/2)/(n + z²) = 97.920729/103.841459 = 0.942983 and
        // 81.920729/103.841459 = 0.788902; Ṽ = 0.64·0.942983·0.057017/99·0.9875 + 0.04·0.788902·0.211098/99·0.95
        // = 0.000343233 + 0.000063923 = 0.000407156; P̃ = 0.912167; n_eff = 0.912167·0.087833/0.000407156 = 196.78;
        // Wilson(0.928, 196.78) = [0.883109, 0.956500].
        var estimate = StratifiedProportion.Estimate([new("A", 8000, 100, 96), new("B", 2000, 100, 80)]);

        Assert.Equal(0.928, estimate.Estimate, 12);
        Assert.Equal(0.0003065535, estimate.Variance, 10);
        Assert.Equal(0.0175087, estimate.StandardError, 7);
        Assert.Equal(196.78, estimate.EffectiveSampleSize, 2);
        Assert.Equal(0.883109, estimate.Interval.Lower, 6);
        Assert.Equal(0.956500, estimate.Interval.Upper, 6);
        Assert.Equal((10000L, 200L), (estimate.TotalPopulation, estimate.TotalSample));
    }

    [Fact]
    public void Estimate_when_every_stratum_is_censused_has_no_sampling_error()
    {
        var estimate = StratifiedProportion.Estimate([new("A", 40, 40, 38), new("B", 10, 10, 5)]);

        // p = (38 + 5)/50 = 0.86 exactly, known without error.
        Assert.Equal(0.86, estimate.Estimate, 12);
        Assert.Equal(0.0, estimate.Variance);
        Assert.Equal((0.86, 0.86), (estimate.Interval.Lower, estimate.Interval.Upper));
    }

    [Fact]
    public void Estimate_stratum_with_one_audited_item_contributes_the_largest_possible_variance()
    {
        // A: N = 900, n = 300, p̂ = 0.9 → 0.81 · 0.09/299 · (1 − 1/3) = 0.000162542.
        // B: N = 100, n = 1 → W² / 4 = 0.01/4 = 0.0025 (conservative: one 0/1 draw has variance ≤ 1/4).
        var estimate = StratifiedProportion.Estimate([new("A", 900, 300, 270), new("B", 100, 1, 1)]);

        Assert.Equal(0.000162542 + 0.0025, estimate.Variance, 9);
        Assert.Equal((0.9 * 0.9) + (0.1 * 1.0), estimate.Estimate, 12);
    }

    [Fact]
    public void Estimate_ignores_empty_strata_and_accepts_fractional_successes()
    {
        var withEmpty = StratifiedProportion.Estimate([new("A", 500, 50, 47.5), new("gone", 0, 0, 0)]);

        Assert.Equal(0.95, withEmpty.Estimate, 12);
        Assert.Equal(500L, withEmpty.TotalPopulation);
    }

    [Fact]
    public void Estimate_with_unsampled_or_inconsistent_strata_throws_listing_every_problem()
    {
        var error = Assert.Throws<ArgumentException>(() => StratifiedProportion.Estimate(
        [
            new("US", 1000, 0, 0),
            new("GB", 10, 20, 5),
            new("TH", 100, 10, 11),
        ]));

        Assert.Contains("'US' has population 1000 but no sample", error.Message);
        Assert.Contains("'GB' samples 20 items from a population of 10", error.Message);
        Assert.Contains("'TH' has 11 successes", error.Message);
    }

    [Fact]
    public void Estimate_coverage_is_near_nominal_for_three_strata_with_unequal_sampling_fractions()
    {
        // Sampling fractions 0.5%, 2.5% and 25%; true rate (38400 + 3600 + 510)/44600 = 0.953139.
        var coverage = Coverage([(40000, 0.96, 200), (4000, 0.90, 100), (600, 0.85, 150)], draws: 4000, seed: 11);

        Assert.InRange(coverage, 0.93, 0.97);
    }

    [Fact]
    public void Estimate_when_the_big_stratum_often_has_no_errors_in_its_sample_still_covers_at_least_nominal()
    {
        // QA rates near 1: the 30000-item stratum at 0.99 shows no error in 100 audits 37% of the time. Wilson at
        // n_eff = p̂(1−p̂)/V̂ straight from the p̂_h covers only ≈76% here; the adjusted n_eff keeps ≥ 95%.
        var coverage = Coverage([(30000, 0.99, 100), (6000, 0.97, 100), (800, 0.90, 100)], draws: 4000, seed: 12);

        Assert.InRange(coverage, 0.93, 0.99);
    }

    private static double Coverage((long Population, double Rate, long Sample)[] design, int draws, int seed)
    {
        var random = new Random(seed);
        var successes = design.Select(d => (long)Math.Round(d.Population * d.Rate)).ToArray();
        var truth = (double)successes.Sum() / design.Sum(d => d.Population);
        var covered = 0;
        for (var i = 0; i < draws; i++)
        {
            var strata = design
                .Select((d, h) => new Stratum($"s{h}", d.Population, d.Sample, Draws.WithoutReplacement(random, d.Population, successes[h], d.Sample)))
                .ToList();
            if (StratifiedProportion.Estimate(strata).Interval.Contains(truth))
            {
                covered++;
            }
        }

        return (double)covered / draws;
    }
}
