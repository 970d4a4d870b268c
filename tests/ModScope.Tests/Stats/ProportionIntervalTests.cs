using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class ProportionIntervalTests
{
    private const double Z95 = 1.959963984540054; // Φ⁻¹(0.975)

    [Fact]
    public void Wilson_for_ninety_five_of_hundred_matches_hand_computation()
    {
        // p̂ = 0.95, n = 100, z² = 3.8414588
        // z²/2n = 0.0192073, p̂(1−p̂)/n = 0.000475, z²/4n² = 0.0000960365
        // half = z·sqrt(0.0005710365) = 1.959964 × 0.0238963 = 0.0468359
        // denominator = 1 + z²/n = 1.0384146
        // lower = (0.95 + 0.0192073 − 0.0468359) / 1.0384146 = 0.888250
        // upper = (0.95 + 0.0192073 + 0.0468359) / 1.0384146 = 0.978456
        var interval = ProportionInterval.Wilson(95, 100);

        Assert.Equal(0.888250, interval.Lower, 5);
        Assert.Equal(0.978456, interval.Upper, 5);
        Assert.Equal(0.95, interval.Confidence);
        Assert.Equal("Wilson score", interval.Method);
    }

    [Theory]
    [InlineData(95, 100)]
    [InlineData(3, 17)]
    [InlineData(450, 457)]
    [InlineData(1, 2)]
    public void Wilson_bounds_are_the_roots_of_the_score_equation(long x, long n)
    {
        // Independently: the bounds solve (p̂ − p)² = z² p(1−p)/n, i.e.
        // (1 + z²/n) p² − (2p̂ + z²/n) p + p̂² = 0, solved here with the quadratic formula.
        var p = (double)x / n;
        var a = 1 + (Z95 * Z95 / n);
        var b = -((2 * p) + (Z95 * Z95 / n));
        var c = p * p;
        var root = Math.Sqrt((b * b) - (4 * a * c));

        var interval = ProportionInterval.Wilson(x, n);

        Assert.Equal((-b - root) / (2 * a), interval.Lower, 12);
        Assert.Equal((-b + root) / (2 * a), interval.Upper, 12);
    }

    [Fact]
    public void Wilson_at_zero_and_all_successes_touches_the_boundary()
    {
        // x = 0: lower 0, upper = (z²/n)/(1 + z²/n) = 0.38415/1.38415 = 0.277533 for n = 10.
        var none = ProportionInterval.Wilson(0, 10);
        var all = ProportionInterval.Wilson(10, 10);

        Assert.Equal(0.0, none.Lower);
        Assert.Equal(0.277533, none.Upper, 6);
        Assert.Equal(1.0, all.Upper);
        Assert.Equal(1.0 - 0.277533, all.Lower, 6);
    }

    [Fact]
    public void ClopperPearson_for_zero_of_ten_upper_is_one_minus_tail_to_the_one_over_n()
    {
        // upper = 1 − 0.025^(1/10) = 1 − 0.691503 = 0.308497; lower = 0.
        var interval = ProportionInterval.ClopperPearson(0, 10);

        Assert.Equal(0.0, interval.Lower);
        Assert.Equal(0.308497, interval.Upper, 6);
    }

    [Fact]
    public void ClopperPearson_for_three_of_twenty_matches_beta_quantiles_and_binomial_tails()
    {
        // Reference (scipy.stats.beta.ppf): Beta⁻¹(0.025; 3, 18) = 0.0320709, Beta⁻¹(0.975; 4, 17) = 0.3789268.
        var interval = ProportionInterval.ClopperPearson(3, 20);

        Assert.Equal(0.0320709, interval.Lower, 6);
        Assert.Equal(0.3789268, interval.Upper, 6);

        // The defining property, checked by summing the binomial pmf directly:
        // P(X ≥ 3 | p = lower) = 0.025 and P(X ≤ 3 | p = upper) = 0.025.
        Assert.Equal(0.025, 1.0 - BinomialCdf(2, 20, interval.Lower), 8);
        Assert.Equal(0.025, BinomialCdf(3, 20, interval.Upper), 8);
    }

    [Fact]
    public void ClopperPearson_for_all_successes_lower_is_tail_to_the_one_over_n()
    {
        // lower = 0.025^(1/29) = exp(ln 0.025 / 29) = exp(−3.6888795 / 29) = exp(−0.1272027) = 0.880555.
        var interval = ProportionInterval.ClopperPearson(29, 29);

        Assert.Equal(Math.Pow(0.025, 1.0 / 29), interval.Lower, 12);
        Assert.Equal(0.880555, interval.Lower, 6);
        Assert.Equal(1.0, interval.Upper);
    }

    [Theory]
    [InlineData(10, 29, "Clopper–Pearson exact")] // n < 30
    [InlineData(4, 500, "Clopper–Pearson exact")] // fewer than 5 successes
    [InlineData(496, 500, "Clopper–Pearson exact")] // fewer than 5 failures
    [InlineData(5, 30, "Wilson score")]
    [InlineData(95, 100, "Wilson score")]
    public void Best_uses_exact_for_small_samples_or_rare_events_and_Wilson_otherwise(long x, long n, string method)
    {
        Assert.Equal(method, ProportionInterval.Best(x, n).Method);
    }

    [Fact]
    public void AllMethods_with_no_trials_return_the_whole_unit_interval()
    {
        foreach (var interval in new[] { ProportionInterval.Wilson(0, 0), ProportionInterval.ClopperPearson(0, 0), ProportionInterval.Best(0, 0) })
        {
            Assert.Equal((0.0, 1.0, "no data"), (interval.Lower, interval.Upper, interval.Method));
        }
    }

    [Fact]
    public void Wilson_with_successes_above_trials_or_bad_confidence_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.Wilson(5, 10, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionInterval.WilsonForEstimate(1.2, 10));
    }

    [Fact]
    public void Normal_is_estimate_plus_minus_z_times_standard_error_clipped_to_unit_interval()
    {
        // 0.5 ± 1.959964 × 0.1 = [0.304004, 0.695996]; 0.99 ± 0.0392 is clipped at 1.
        var middle = ProportionInterval.Normal(0.5, 0.1);
        var high = ProportionInterval.Normal(0.99, 0.02);

        Assert.Equal(0.304004, middle.Lower, 6);
        Assert.Equal(0.695996, middle.Upper, 6);
        Assert.Equal(1.0, high.Upper);
    }

    [Theory]
    [InlineData(0.9, 200, 2000)] // exact coverage 0.9561
    [InlineData(0.5, 50, 40000)] // exact coverage 0.9351 (Wilson oscillates below 95% here), so more draws
    public void Wilson_coverage_is_near_nominal_in_simulation(double p, int n, int draws)
    {
        var random = new Random(20240601);
        var covered = 0;
        for (var i = 0; i < draws; i++)
        {
            if (ProportionInterval.Wilson(Draws.Binomial(random, n, p), n).Contains(p))
            {
                covered++;
            }
        }

        Assert.InRange((double)covered / draws, 0.93, 0.97);
    }

    [Fact]
    public void ClopperPearson_coverage_is_at_least_nominal_in_simulation()
    {
        var random = new Random(7);
        const int draws = 4000;
        var covered = 0;
        for (var i = 0; i < draws; i++)
        {
            if (ProportionInterval.ClopperPearson(Draws.Binomial(random, 25, 0.96), 25).Contains(0.96))
            {
                covered++;
            }
        }

        Assert.True((double)covered / draws >= 0.94, $"coverage {(double)covered / draws}");
    }

    private static double BinomialCdf(int k, int n, double p)
    {
        var sum = 0.0;
        for (var i = 0; i <= k; i++)
        {
            sum += Choose(n, i) * Math.Pow(p, i) * Math.Pow(1 - p, n - i);
        }

        return sum;
    }

    private static double Choose(int n, int k)
    {
        var c = 1.0;
        for (var i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }

        return c;
    }
}
