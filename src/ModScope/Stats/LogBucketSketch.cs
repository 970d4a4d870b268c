namespace ModScope.Stats;

/// <summary>
/// A mergeable quantile sketch: a fixed log-bucket histogram (the bucket mapping of DDSketch, Masson, Rim and Lee,
/// VLDB 2019, without its bucket collapsing). A value x &gt; 0 falls in bucket i = ⌈log_γ x⌉, the interval
/// (γ^(i−1), γ^i], with γ = (1 + α)/(1 − α); a negative value in the mirrored bucket of −x; zero in a bucket of its own.
/// Each bucket is represented by r_i = 2γ^i/(γ + 1), the point of equal relative distance to both ends:
/// for x in (γ^(i−1), γ^i], r_i/x lies in [2/(γ + 1), 2γ/(γ + 1)) = [1 − α, 1 + α), so |r_i − x| ≤ α·|x|.
/// Buckets are fixed, so sketches merge by adding the counts of equal buckets (a day's sketches sum to a month's).
/// A quantile is taken as DuckDB's <c>quantile_cont</c> takes it from the sorted values (<see cref="Quantiles.Continuous"/>),
/// with each order statistic replaced by its bucket's representative: h = (n − 1)q,
/// r(x_⌊h⌋)(1 − d) + r(x_⌈h⌉)d with d = h − ⌊h⌋; when both are of one sign the error is at most
/// (1 − d)α|x_⌊h⌋| + dα|x_⌈h⌉| = α·|exact|, so the relative error bound α holds for the interpolated quantile too.
/// </summary>
public sealed class LogBucketSketch
{
    /// <summary>α: the relative error of every value read from a sketch (1%).</summary>
    public const double RelativeError = 0.01;

    /// <summary>α as text for people: "1%".</summary>
    public static string RelativeErrorText => (RelativeError * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>γ = (1 + α)/(1 − α).</summary>
    public static readonly double Gamma = (1 + RelativeError) / (1 - RelativeError);

    /// <summary>ln γ, the divisor of the bucket index (written into the SQL that buckets values).</summary>
    public static readonly double LogGamma = Math.Log(Gamma);

    // Buckets are added in any order (a rollup's rows come unsorted) and read in value order: a hash map to add, and the
    // buckets sorted once, with their cumulative counts, when first read after an add (a monitor run reads ~1.6M bucket
    // rows at 50M decisions; a sorted tree per add was a third of turning them into quantiles).
    private readonly Dictionary<(int Sign, int Index), long> _counts = [];
    private Ordered? _ordered;

    private sealed record Ordered((int Sign, int Index)[] Buckets, long[] Cumulative);

    /// <summary>The number of values counted.</summary>
    public long Count { get; private set; }

    /// <summary>Adds <paramref name="count"/> values of the bucket (<paramref name="sign"/> −1, 0 or 1; <paramref name="index"/> ⌈log_γ |x|⌉, 0 for zero).</summary>
    public void Add(int sign, int index, long count)
    {
        if (sign is < -1 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sign), sign, "A bucket's sign is -1, 0 or 1.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var key = (sign, sign == 0 ? 0 : index);
        _counts[key] = _counts.GetValueOrDefault(key) + count;
        Count += count;
        _ordered = null;
    }

    /// <summary>The bucket of a value, as the SQL computes it (<c>ISqlDialect.LogBucket</c>).</summary>
    public static (int Sign, int Index) BucketOf(double value) =>
        value == 0 ? (0, 0) : (Math.Sign(value), (int)Math.Ceiling(Math.Log(Math.Abs(value)) / LogGamma));

    /// <summary>The representative value of a bucket: ±2γ^i/(γ + 1), or 0.</summary>
    public static double Representative(int sign, int index) => sign == 0 ? 0.0 : sign * 2 * Math.Pow(Gamma, index) / (Gamma + 1);

    /// <summary>The representative of the value at 1-based <paramref name="rank"/> in sorted order.</summary>
    public double ValueAtRank(long rank)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rank, Count);
        var ordered = _ordered ??= Order(_counts);
        // The first bucket whose cumulative count reaches the rank.
        var at = Array.BinarySearch(ordered.Cumulative, rank);
        var (sign, index) = ordered.Buckets[at >= 0 ? FirstOf(ordered.Cumulative, at) : ~at];
        return Representative(sign, index);
    }

    /// <summary>The first position holding the same cumulative count as <paramref name="at"/> (a zero-count bucket repeats it).</summary>
    private static int FirstOf(long[] cumulative, int at)
    {
        while (at > 0 && cumulative[at - 1] == cumulative[at])
        {
            at--;
        }
        return at;
    }

    private static Ordered Order(Dictionary<(int Sign, int Index), long> counts)
    {
        var buckets = counts.Keys.ToArray();
        Array.Sort(buckets, Compare);
        var cumulative = new long[buckets.Length];
        var seen = 0L;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += counts[buckets[i]];
            cumulative[i] = seen;
        }
        return new Ordered(buckets, cumulative);
    }

    /// <summary>The q-quantile as <c>quantile_cont</c> interpolates it, from the buckets' representatives; null with no values.</summary>
    public double? Quantile(double q)
    {
        if (Count == 0)
        {
            return null;
        }
        var h = (Count - 1) * q;
        var low = (long)Math.Floor(h);
        var high = Math.Min(low + 1, Count - 1);
        var d = h - low;
        return (ValueAtRank(low + 1) * (1 - d)) + (ValueAtRank(high + 1) * d);
    }

    /// <summary>Ascending value order: negative buckets by descending index, then zero, then positive by index.</summary>
    private static int Compare((int Sign, int Index) a, (int Sign, int Index) b) =>
        a.Sign != b.Sign ? a.Sign.CompareTo(b.Sign) : a.Sign >= 0 ? a.Index.CompareTo(b.Index) : b.Index.CompareTo(a.Index);
}
