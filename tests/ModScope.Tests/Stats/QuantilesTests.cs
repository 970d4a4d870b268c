using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Stats;

namespace ModScope.Tests.Stats;

public sealed class QuantilesTests
{
    private static readonly double[] Tat = [12, 3, 7, 1, 9, 15, 4, 4, 30, 2];

    [Fact]
    public void Continuous_interpolates_between_order_statistics_by_hand()
    {
        // Sorted: 1 2 3 4 4 7 9 12 15 30 (n = 10).
        // q = 0.5: h = 9·0.5 = 4.5 → x[4] + 0.5·(x[5] − x[4]) = 4 + 0.5·3 = 5.5
        // q = 0.9: h = 8.1 → x[8] + 0.1·(x[9] − x[8]) = 15 + 0.1·15 = 16.5
        Assert.Equal(5.5, Quantiles.Continuous(Tat, 0.5), 12);
        Assert.Equal(16.5, Quantiles.Continuous(Tat, 0.9), 12);
        Assert.Equal(1.0, Quantiles.Continuous(Tat, 0.0));
        Assert.Equal(30.0, Quantiles.Continuous(Tat, 1.0));
    }

    [Fact]
    public void Discrete_returns_the_smallest_value_whose_empirical_CDF_reaches_q_by_hand()
    {
        // rank = max(1, ⌈10q⌉): q = 0.5 → rank 5 → 4; q = 0.9 → rank 9 → 15; q = 0.91 → rank 10 → 30; q = 0 → rank 1 → 1.
        Assert.Equal(4.0, Quantiles.Discrete(Tat, 0.5));
        Assert.Equal(15.0, Quantiles.Discrete(Tat, 0.9));
        Assert.Equal(30.0, Quantiles.Discrete(Tat, 0.91));
        Assert.Equal(1.0, Quantiles.Discrete(Tat, 0.0));
        Assert.Equal(2.0, Quantiles.Discrete([1.0, 2.0, 3.0, 4.0], 0.5));
    }

    [Fact]
    public void ContinuousAndDiscrete_match_DuckDBs_quantile_cont_and_quantile_disc()
    {
        var random = new Random(3);
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (var n in new[] { 1, 2, 3, 4, 5, 7, 10, 37 })
        {
            var values = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble() * 100, 1)).ToArray();
            var list = string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            foreach (var q in new[] { 0.0, 0.1, 0.25, 0.3, 0.5, 0.7, 0.75, 0.9, 0.95, 0.99, 1.0 })
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT quantile_cont(x, $q), quantile_disc(x, $q) FROM (SELECT unnest([{list}]::DOUBLE[]) AS x)";
                command.Parameters.Add(new DuckDBParameter("q", q));
                using var reader = command.ExecuteReader();
                Assert.True(reader.Read());

                Assert.Equal(reader.GetDouble(0), Quantiles.Continuous(values, q), 9);
                Assert.Equal(reader.GetDouble(1), Quantiles.Discrete(values, q));
            }
        }
    }

    [Fact]
    public void OrderStatisticInterval_for_median_of_hundred_is_the_fortieth_to_sixty_first_value()
    {
        // Y ~ Bin(100, 0.5): P(Y ≤ 39) = 0.0176 ≤ 0.025 < P(Y ≤ 40) = 0.0284 → lower rank 40;
        // P(Y ≤ 59) = 0.9716 < 0.975 ≤ P(Y ≤ 60) = 0.9824 → upper rank 61; coverage 0.9824 − 0.0176 = 0.9648.
        var ranks = Quantiles.OrderStatisticInterval(100, 0.5);

        Assert.Equal((40, 61), (ranks.Lower, ranks.Upper));
        Assert.Equal(0.9648, ranks.Coverage, 4);
    }

    [Fact]
    public void OrderStatisticInterval_for_p90_of_two_hundred_matches_binomial_tails()
    {
        // Y ~ Bin(200, 0.9) (scipy): largest k with P(Y ≤ k) ≤ 0.025 is 170 → rank 171; smallest k with
        // P(Y ≤ k) ≥ 0.975 is 188 → rank 189; coverage 0.96688.
        var ranks = Quantiles.OrderStatisticInterval(200, 0.9);

        Assert.Equal((171, 189), (ranks.Lower, ranks.Upper));
        Assert.Equal(0.96688, ranks.Coverage, 5);
    }

    [Fact]
    public void OrderStatisticInterval_with_too_few_values_leaves_both_sides_unbounded()
    {
        // n = 5, median: P(Y ≤ 0) = 1/32 = 0.03125 > 0.025 and P(Y ≤ 4) = 0.96875 < 0.975.
        var ranks = Quantiles.OrderStatisticInterval(5, 0.5);
        var interval = Quantiles.ConfidenceInterval([1, 2, 3, 4, 5], 0.5);

        Assert.Equal((null, null, 1.0), (ranks.Lower, ranks.Upper, ranks.Coverage));
        Assert.Equal((double.NegativeInfinity, double.PositiveInfinity), (interval.Lower, interval.Upper));
    }

    [Fact]
    public void ConfidenceInterval_covers_the_true_p90_of_an_exponential_at_least_nominally()
    {
        // Exponential(1): P90 = ln 10 = 2.302585. Distribution-free coverage for n = 200 is exactly 0.9669.
        var random = new Random(5);
        var truth = Math.Log(10);
        const int draws = 2000;
        var covered = 0;
        for (var i = 0; i < draws; i++)
        {
            var sample = Enumerable.Range(0, 200).Select(_ => -Math.Log(1 - random.NextDouble())).Order().ToArray();
            if (Quantiles.ConfidenceInterval(sample, 0.9).Contains(truth))
            {
                covered++;
            }
        }

        Assert.InRange((double)covered / draws, 0.945, 0.985);
    }

    [Fact]
    public void Quantiles_reject_empty_unsorted_or_out_of_range_input()
    {
        Assert.Throws<ArgumentException>(() => Quantiles.Continuous([], 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Discrete(Tat, 1.5));
        Assert.Throws<ArgumentException>(() => Quantiles.ConfidenceInterval([3, 1, 2], 0.5));
    }
}
