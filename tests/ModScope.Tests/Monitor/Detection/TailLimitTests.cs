using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// The level a history passes with a given probability, from its peaks over threshold. Fed the exact quantiles of a
/// known distribution, it must return that distribution's own quantile at the risk.
/// </summary>
public sealed class TailLimitTests
{
    /// <summary>The (i − ½)/n quantiles of the standard exponential, i = 1..n: −ln(1 − p).</summary>
    private static double[] ExponentialQuantiles(int n) =>
        [.. Enumerable.Range(1, n).Select(i => -Math.Log(1.0 - ((i - 0.5) / n)))];

    [Fact]
    public void An_exponential_history_gives_the_exponential_quantile_at_the_risk()
    {
        var tail = new TailLimit(2000);
        foreach (var x in ExponentialQuantiles(2000))
        {
            tail.Add(x);
        }

        // P(X > x) = e^(−x) for Exp(1): the level passed with probability 10⁻⁴ is ln(10⁴) = 9.21.
        var (upper, _) = tail.Levels(1e-4);

        Assert.InRange(upper, Math.Log(1e4) - 0.1, Math.Log(1e4) + 0.1);
    }

    [Fact]
    public void The_lower_side_mirrors_the_upper()
    {
        var tail = new TailLimit(2000);
        foreach (var x in ExponentialQuantiles(2000))
        {
            tail.Add(-x);
        }

        var (_, lower) = tail.Levels(1e-4);

        Assert.InRange(lower, -Math.Log(1e4) - 0.1, -Math.Log(1e4) + 0.1);
    }

    [Fact]
    public void Without_200_values_there_is_no_level()
    {
        var tail = new TailLimit(2000);
        foreach (var x in ExponentialQuantiles(199))
        {
            tail.Add(x);
        }

        Assert.True(double.IsNaN(tail.Levels(1e-4).Upper));
    }

    [Fact]
    public void A_level_follows_the_mean_excess_over_the_5_percent_tail()
    {
        // 997 zeros and three 50s (n = 1000): the top 5% (k = 50) are 47 zeros and the three 50s, so u = 0, the mean
        // excess is 150 / 50 = 3 and the level at 10⁻⁴ is 3 ln(0.05 / 10⁻⁴) = 3 ln 500 = 18.64.
        var tail = new TailLimit(2000);
        foreach (var x in Enumerable.Repeat(0.0, 997).Concat([50.0, 50.0, 50.0]))
        {
            tail.Add(x);
        }

        Assert.Equal(3.0 * Math.Log(500.0), tail.Levels(1e-4).Upper, 9);
    }

    [Fact]
    public void Rare_recurring_values_set_the_level_through_the_far_tail()
    {
        // The same history, with the far tail: over the top 10 values (u = 0, mean excess 150 / 10 = 15) the level is
        // 15 ln((10 / 1000) / 10⁻⁴) = 15 ln 100 = 69.08, above the three 50s the 5% tail left above its level.
        var tail = new TailLimit(2000, farTail: true);
        foreach (var x in Enumerable.Repeat(0.0, 997).Concat([50.0, 50.0, 50.0]))
        {
            tail.Add(x);
        }

        Assert.Equal(15.0 * Math.Log(100.0), tail.Levels(1e-4).Upper, 9);
    }

    [Fact]
    public void The_history_is_rolling()
    {
        var tail = new TailLimit(200);
        foreach (var x in Enumerable.Repeat(100.0, 200).Concat(ExponentialQuantiles(200)))
        {
            tail.Add(x);
        }

        // Only the 200 exponential values remain: the level is far below the forgotten 100s.
        Assert.InRange(tail.Levels(1e-4).Upper, 5.0, 12.0);
    }
}
