using MathNet.Numerics.Distributions;
using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

public sealed class SamplingTailTests
{
    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), summed term by term.</summary>
    private static double BinomialUpper(int k, int n, double p)
    {
        var below = 0.0;
        var term = Math.Pow(1 - p, n); // P(X = 0)
        for (var i = 0; i < k; i++)
        {
            below += term;
            term *= (double)(n - i) / (i + 1) * p / (1 - p);
        }
        return 1 - below;
    }

    [Fact]
    public void Three_errors_in_fifty_audits_against_two_percent_has_the_binomial_upper_tail()
    {
        var z = SamplingTail.Proportion(3.0 / 50, 0.02, 50);

        Assert.Equal(BinomialUpper(3, 50, 0.02), Normal.CDF(0, 1, -z), 9);
    }

    [Fact]
    public void No_errors_in_a_hundred_against_five_percent_has_the_lower_tail_and_a_negative_z()
    {
        var z = SamplingTail.Proportion(0.0, 0.05, 100);

        Assert.True(z < 0);
        Assert.Equal(Math.Pow(0.95, 100), Normal.CDF(0, 1, z), 9);
    }

    [Fact]
    public void Four_events_against_an_expected_point_seven_has_the_poisson_upper_tail()
    {
        var below = Math.Exp(-0.7) * (1 + 0.7 + (0.49 / 2) + (0.343 / 6));
        var z = SamplingTail.Count(4, 0.7);

        Assert.Equal(1 - below, Normal.CDF(0, 1, -z), 9);
        Assert.True(z < 3.0, "four events where 0.7 were expected is not a 3-sigma surprise");
    }

    [Fact]
    public void Over_dispersion_counts_the_trials_as_fewer()
    {
        Assert.Equal(SamplingTail.Proportion(0.06, 0.02, 200), SamplingTail.Proportion(0.06, 0.02, 400, dispersion: 2), 12);
        Assert.Equal(SamplingTail.Count(150, 100), SamplingTail.Count(300, 200, dispersion: 2), 12);
    }

    [Fact]
    public void With_a_large_sample_it_agrees_with_the_normal_approximation()
    {
        var normal = (0.303 - 0.3) / Math.Sqrt(0.3 * 0.7 / 100_000);
        Assert.Equal(normal, SamplingTail.Proportion(0.303, 0.3, 100_000), 1);
    }

    [Theory]
    [InlineData(0.49)]
    [InlineData(0.0)]
    public void Less_than_one_trial_is_no_evidence(double trials) =>
        Assert.Equal(0.0, SamplingTail.Proportion(1.0, 0.01, trials));

    [Fact]
    public void A_value_at_its_expectation_is_no_evidence()
    {
        Assert.Equal(0.0, SamplingTail.Proportion(0.02, 0.02, 500));
        Assert.Equal(0.0, SamplingTail.Count(40, 40));
    }
}
