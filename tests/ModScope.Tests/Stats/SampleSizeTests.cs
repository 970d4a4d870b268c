using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class SampleSizeTests
{
    [Theory]
    [InlineData(0.01, 1825)] // n0 = 3.8414588 · 0.0475 / 0.0001 = 1824.69
    [InlineData(0.02, 457)] //  n0 = 0.18246929 / 0.0004 = 456.17 (DOMAIN.md 1.2: ≈457)
    [InlineData(0.03, 203)] //  n0 = 0.18246929 / 0.0009 = 202.74
    public void ForProportion_at_ninety_five_percent_accuracy_matches_the_domain_notes(double margin, long expected)
    {
        var size = SampleSize.ForProportion(0.95, margin);

        Assert.Equal(expected, size.Required);
        Assert.Equal(size.Initial, size.Corrected);
    }

    [Fact]
    public void ForProportion_with_a_population_of_thousand_applies_the_finite_population_correction()
    {
        // n = 456.1732 / (1 + 455.1732/1000) = 456.1732 / 1.4551732 = 313.484 → 314.
        var size = SampleSize.ForProportion(0.95, 0.02, population: 1000);

        Assert.Equal(456.1732, size.Initial, 4);
        Assert.Equal(313.484, size.Corrected, 3);
        Assert.Equal(314L, size.Required);
    }

    [Fact]
    public void ForProportion_never_exceeds_a_small_population()
    {
        Assert.Equal(20L, SampleSize.ForProportion(0.5, 0.01, population: 20).Required);
    }

    [Fact]
    public void Allocate_proportional_shares_by_population_with_largest_remainders()
    {
        // 100 over N = 5000, 3000, 2000 → 50, 30, 20 exactly; 101 → 50.5, 30.3, 20.2 → 51, 30, 20.
        AllocationStratum[] strata = [new("A", 5000, 0.2), new("B", 3000, 0.3), new("C", 2000, 0.4)];

        Assert.Equal([50L, 30L, 20L], Sizes(SampleSize.Allocate(100, strata, AllocationMethod.Proportional)));
        Assert.Equal([51L, 30L, 20L], Sizes(SampleSize.Allocate(101, strata, AllocationMethod.Proportional)));
    }

    [Fact]
    public void Allocate_Neyman_shares_by_population_times_standard_deviation()
    {
        // N·S: 5000·sqrt(0.99·0.01) = 497.49, 3000·sqrt(0.9·0.1) = 900, 2000·sqrt(0.5·0.5) = 1000; total 2397.49.
        // 400 · (0.20750, 0.37539, 0.41710) = 83.00, 150.16, 166.84 → 83, 150, 167.
        AllocationStratum[] strata =
        [
            AllocationStratum.FromExpectedRate("A", 5000, 0.99),
            AllocationStratum.FromExpectedRate("B", 3000, 0.90),
            AllocationStratum.FromExpectedRate("C", 2000, 0.50),
        ];

        Assert.Equal([83L, 150L, 167L], Sizes(SampleSize.Allocate(400, strata, AllocationMethod.Neyman)));
    }

    [Fact]
    public void Allocate_censuses_a_stratum_that_would_get_more_than_it_has_and_raises_tiny_ones_to_the_minimum()
    {
        // N·S = 10, 10, 15, 0: Neyman would give C 200·15/35 = 85.7 > N_C = 30, so C is censused and the rest re-shared.
        // D has S = 0 (expected rate 1.0): it still gets the minimum of 2.
        AllocationStratum[] strata =
        [
            new("A", 10000, 0.001), new("B", 10000, 0.001), new("C", 30, 0.5), AllocationStratum.FromExpectedRate("D", 500, 1.0),
        ];

        var sizes = Sizes(SampleSize.Allocate(200, strata, AllocationMethod.Neyman));

        // Remaining 200 − 30 − 2 = 168 split evenly between A and B.
        Assert.Equal([84L, 84L, 30L, 2L], sizes);
    }

    [Fact]
    public void Allocate_always_sums_to_the_total_within_every_stratums_bounds()
    {
        var random = new Random(9);
        for (var trial = 0; trial < 300; trial++)
        {
            var strata = Enumerable.Range(0, random.Next(1, 8))
                .Select(h => new AllocationStratum($"s{h}", random.Next(0, 400), random.Next(0, 3) == 0 ? 0.0 : random.NextDouble() * 0.5))
                .ToList();
            var population = strata.Sum(s => s.Population);
            var floors = strata.Sum(s => Math.Min(2, s.Population));
            var total = floors + (long)(random.NextDouble() * (population - floors));
            var method = random.Next(2) == 0 ? AllocationMethod.Neyman : AllocationMethod.Proportional;

            var allocation = SampleSize.Allocate(total, strata, method);

            Assert.Equal(total, allocation.Sum(a => a.SampleSize));
            Assert.All(allocation, a => Assert.InRange(a.SampleSize, Math.Min(2, a.Population), a.Population));
        }
    }

    [Fact]
    public void Allocate_with_too_small_or_too_large_a_total_throws()
    {
        AllocationStratum[] strata = [new("A", 10, 0.3), new("B", 10, 0.3)];

        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.Allocate(3, strata, AllocationMethod.Proportional));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.Allocate(21, strata, AllocationMethod.Proportional));
    }

    [Fact]
    public void ForStratifiedProportion_Neyman_matches_hand_computation_and_delivers_the_margin()
    {
        // Strata as in the Neyman test; N = 10000, W = 0.5, 0.3, 0.2; S = 0.099499, 0.3, 0.5.
        // Σ W S = 0.0497494 + 0.09 + 0.1 = 0.2397494; Σ W S² = 0.00495 + 0.027 + 0.05 = 0.08195.
        // V = (0.02/1.959964)² = 0.0102042690² = 0.000104127106; n = 0.2397494² / (0.000104127106 + 0.08195/10000)
        //   = 0.057479775 / 0.000112322106 = 511.74 → 512.
        AllocationStratum[] strata =
        [
            AllocationStratum.FromExpectedRate("A", 5000, 0.99),
            AllocationStratum.FromExpectedRate("B", 3000, 0.90),
            AllocationStratum.FromExpectedRate("C", 2000, 0.50),
        ];

        var size = SampleSize.ForStratifiedProportion(0.02, strata, AllocationMethod.Neyman);
        var allocation = SampleSize.Allocate(size.Required, strata, AllocationMethod.Neyman);

        Assert.Equal(511.74, size.Corrected, 2);
        Assert.Equal(512L, size.Required);

        // Plugging the allocation into V = Σ W_h² S_h² / n_h · (1 − n_h/N_h) gives z·sqrt(V) ≤ 0.02 (to rounding).
        var v = allocation.Select((a, h) => Math.Pow(a.Population / 10000.0, 2) * Math.Pow(strata[h].StandardDeviation, 2) / a.SampleSize * (1 - ((double)a.SampleSize / a.Population))).Sum();
        Assert.InRange(1.959964 * Math.Sqrt(v), 0.0195, 0.02001);
    }

    [Fact]
    public void ForStratifiedProportion_proportional_needs_at_least_as_many_as_Neyman()
    {
        AllocationStratum[] strata = [AllocationStratum.FromExpectedRate("A", 5000, 0.99), AllocationStratum.FromExpectedRate("C", 2000, 0.50)];

        var neyman = SampleSize.ForStratifiedProportion(0.02, strata, AllocationMethod.Neyman);
        var proportional = SampleSize.ForStratifiedProportion(0.02, strata, AllocationMethod.Proportional);

        // Proportional: n0 = Σ W S² / V = (5/7·0.0099 + 2/7·0.25) / 0.000104127106 = 0.0785 / 0.000104127106 = 753.89.
        Assert.Equal(753.89, proportional.Initial, 2);
        Assert.True(proportional.Required > neyman.Required);
    }

    private static long[] Sizes(IReadOnlyList<StratumAllocation> allocation) => allocation.Select(a => a.SampleSize).ToArray();
}
