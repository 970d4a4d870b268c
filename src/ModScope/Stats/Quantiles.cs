using MathNet.Numerics.Distributions;

namespace ModScope.Stats;

/// <summary>Exact sample quantiles with DuckDB's semantics, and distribution-free intervals for them.</summary>
public static class Quantiles
{
    /// <summary>
    /// DuckDB's <c>quantile_cont(x, q)</c>: linear interpolation between order statistics (Hyndman &amp; Fan
    /// 1996, type 7; R's default). With the values sorted, 0-based: h = (n−1)q, result
    /// x[⌊h⌋] + (h − ⌊h⌋)(x[⌈h⌉] − x[⌊h⌋]). The median of 1, 2, 3, 4 is 2.5.
    /// </summary>
    public static double Continuous(IReadOnlyList<double> values, double q) => ContinuousOfSorted(Sorted(values, q), q);

    /// <summary>
    /// DuckDB's <c>quantile_disc(x, q)</c>: the smallest value whose empirical CDF reaches q (Hyndman &amp; Fan
    /// 1996, type 1), i.e. sorted x at 1-based rank max(1, ⌈nq⌉). The median of 1, 2, 3, 4 is 2.
    /// Computed as DuckDB does, rank = n − ⌊n − nq⌋, so floating-point ties break the same way.
    /// </summary>
    public static double Discrete(IReadOnlyList<double> values, double q) => DiscreteOfSorted(Sorted(values, q), q);

    /// <summary>
    /// Ranks of the distribution-free, equal-tailed confidence interval for the q-quantile from n observations
    /// (e.g. Conover 1999, Practical Nonparametric Statistics, 3rd ed., §3.2; Hahn &amp; Meeker 1991): with
    /// Y ~ Binomial(n, q) the number of observations below the quantile, P(x_(l) ≤ ξ_q ≤ x_(u)) = P(l ≤ Y ≤ u−1).
    /// Lower = the largest l with P(Y ≤ l−1) ≤ α/2, Upper = the smallest u with P(Y ≥ u) ≤ α/2, so each tail
    /// has probability ≤ α/2 and the coverage is ≥ the confidence.
    /// </summary>
    public static OrderStatisticRanks OrderStatisticInterval(int n, double q, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckQuantile(q);
        Critical.CheckConfidence(confidence);
        // A pure function of its arguments, asked again and again for the same sizes (the monitor: each series' quantile
        // every day, about 40 binomial CDFs each); kept, and forgotten wholesale past a bound so a long-running server
        // does not grow it without end.
        if (Known.TryGetValue((n, q, confidence), out var known))
        {
            return known;
        }
        if (Known.Count >= KnownBound)
        {
            Known.Clear();
        }
        return Known[(n, q, confidence)] = Ranks(n, q, confidence);
    }

    private const int KnownBound = 100_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int N, double Q, double Confidence), OrderStatisticRanks> Known = new();

    private static OrderStatisticRanks Ranks(int n, double q, double confidence)
    {
        if (n == 0)
        {
            return new OrderStatisticRanks(null, null, 1.0);
        }

        var tail = (1.0 - confidence) / 2.0;
        double Cdf(int k) => k < 0 ? 0.0 : k >= n ? 1.0 : Binomial.CDF(q, n, k);

        // Largest k in [0, n−1] with CDF(k) ≤ α/2 gives l = k + 1; none means the lower side is unbounded.
        var below = LastAtMost(0, n - 1, k => Cdf(k) <= tail);
        int? lower = below is null ? null : below + 1;

        // Smallest k in [0, n−1] with CDF(k) ≥ 1 − α/2 gives u = k + 1; none means the upper side is unbounded.
        var above = FirstAtLeast(0, n - 1, k => Cdf(k) >= 1.0 - tail);
        int? upper = above is null ? null : above + 1;

        var coverage = Cdf(upper is null ? n : upper.Value - 1) - Cdf(lower is null ? -1 : lower.Value - 1);
        return new OrderStatisticRanks(lower, upper, coverage);
    }

    /// <summary>
    /// The distribution-free interval for the q-quantile of <paramref name="sortedValues"/> (ascending):
    /// values at the ranks of <see cref="OrderStatisticInterval"/>; an unbounded side is ±∞.
    /// </summary>
    public static Interval ConfidenceInterval(IReadOnlyList<double> sortedValues, double q, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        for (var i = 1; i < sortedValues.Count; i++)
        {
            if (!(sortedValues[i - 1] <= sortedValues[i]))
            {
                throw new ArgumentException($"Values must be sorted ascending without NaN; position {i} breaks the order.", nameof(sortedValues));
            }
        }

        var ranks = OrderStatisticInterval(sortedValues.Count, q, confidence);
        var lower = ranks.Lower is null ? double.NegativeInfinity : sortedValues[ranks.Lower.Value - 1];
        var upper = ranks.Upper is null ? double.PositiveInfinity : sortedValues[ranks.Upper.Value - 1];
        return new Interval(lower, upper, confidence, "distribution-free order statistics (binomial)");
    }

    internal static double ContinuousOfSorted(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var floor = (int)Math.Floor(h);
        var ceiling = (int)Math.Ceiling(h);
        var low = sorted[floor];
        return floor == ceiling ? low : low + ((h - floor) * (sorted[ceiling] - low));
    }

    internal static double DiscreteOfSorted(double[] sorted, double q)
    {
        var n = sorted.Length;
        var rank = n - (long)Math.Floor(n - (n * q));
        return sorted[Math.Max(1, rank) - 1];
    }

    private static double[] Sorted(IReadOnlyList<double> values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckQuantile(q);
        if (values.Count == 0)
        {
            throw new ArgumentException("A quantile of no values is undefined (DuckDB returns NULL); check for an empty group first.", nameof(values));
        }

        var sorted = values.ToArray();
        if (sorted.Any(double.IsNaN))
        {
            throw new ArgumentException("Values must not contain NaN.", nameof(values));
        }

        Array.Sort(sorted);
        return sorted;
    }

    private static void CheckQuantile(double q)
    {
        if (!(q >= 0.0 && q <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile level must lie in [0, 1], e.g. 0.9 for P90.");
        }
    }

    /// <summary>Largest k in [from, to] where the monotone predicate (true then false) holds, or null.</summary>
    private static int? LastAtMost(int from, int to, Func<int, bool> holds)
    {
        if (!holds(from))
        {
            return null;
        }

        while (from < to)
        {
            var mid = from + ((to - from + 1) / 2);
            if (holds(mid))
            {
                from = mid;
            }
            else
            {
                to = mid - 1;
            }
        }

        return from;
    }

    /// <summary>Smallest k in [from, to] where the monotone predicate (false then true) holds, or null.</summary>
    private static int? FirstAtLeast(int from, int to, Func<int, bool> holds)
    {
        if (!holds(to))
        {
            return null;
        }

        while (from < to)
        {
            var mid = from + ((to - from) / 2);
            if (holds(mid))
            {
                to = mid;
            }
            else
            {
                from = mid + 1;
            }
        }

        return from;
    }
}
