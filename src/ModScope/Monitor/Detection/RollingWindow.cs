namespace ModScope.Monitor.Detection;

/// <summary>
/// The last <c>capacity</c> values, kept both in arrival order and sorted, so a median or quartile costs O(1)
/// and a new value O(capacity) memory moves (no allocation after construction).
/// </summary>
internal sealed class RollingWindow
{
    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _start;
    private double _absoluteSum;

    public RollingWindow(int capacity)
    {
        _ring = new double[capacity];
        _sorted = new double[capacity];
    }

    public int Count { get; private set; }

    public int Capacity => _ring.Length;

    /// <summary>Mean of |value| over the window.</summary>
    public double MeanAbsolute => Count == 0 ? 0.0 : _absoluteSum / Count;

    public void Add(double value)
    {
        if (Count == _ring.Length)
        {
            var oldest = _ring[_start];
            _ring[_start] = value;
            _start = (_start + 1) % _ring.Length;
            _absoluteSum -= Math.Abs(oldest);
            var at = Array.BinarySearch(_sorted, 0, Count, oldest);
            Array.Copy(_sorted, at + 1, _sorted, at, Count - at - 1);
            Count--;
        }
        else
        {
            _ring[(_start + Count) % _ring.Length] = value;
        }
        var index = Array.BinarySearch(_sorted, 0, Count, value);
        if (index < 0)
        {
            index = ~index;
        }
        Array.Copy(_sorted, index, _sorted, index + 1, Count - index);
        _sorted[index] = value;
        _absoluteSum += Math.Abs(value);
        Count++;
    }

    public void Clear()
    {
        Count = 0;
        _start = 0;
        _absoluteSum = 0.0;
    }

    public double Median => Quantile(0.5);

    /// <summary>Mean of the smallest <paramref name="keep"/> share of the window (a one-sided trimmed mean).</summary>
    public double TrimmedMean(double keep)
    {
        if (Count == 0)
        {
            return double.NaN;
        }
        var take = Math.Clamp((int)(Count * keep), 1, Count);
        var sum = 0.0;
        for (var i = 0; i < take; i++)
        {
            sum += _sorted[i];
        }
        return sum / take;
    }

    /// <summary>Mean of the <paramref name="k"/> largest (upper) or smallest values of the window.</summary>
    public double TailMean(int k, bool upper)
    {
        var take = Math.Clamp(k, 1, Count);
        var sum = 0.0;
        for (var i = 0; i < take; i++)
        {
            sum += _sorted[upper ? Count - 1 - i : i];
        }
        return sum / take;
    }

    /// <summary>Mid-rank share of the window below <paramref name="value"/>: (count below + half the count equal) / count; NaN when empty.</summary>
    public double ShareBelow(double value)
    {
        if (Count == 0)
        {
            return double.NaN;
        }
        var (below, atOrBelow) = (Bound(value, strict: true), Bound(value, strict: false));
        return (below + (0.5 * (atOrBelow - below))) / Count;
    }

    /// <summary>Number of sorted values below <paramref name="value"/> (strict) or at most it.</summary>
    private int Bound(double value, bool strict)
    {
        var (lo, hi) = (0, Count);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (strict ? _sorted[mid] < value : _sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>The value of rank <paramref name="rank"/> (0 = smallest) in the window.</summary>
    public double Ranked(int rank) => _sorted[Math.Clamp(rank, 0, Count - 1)];

    /// <summary>Linear-interpolated quantile (Hyndman–Fan type 7) of the window.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }
        var position = q * (Count - 1);
        var lower = (int)position;
        var upper = Math.Min(lower + 1, Count - 1);
        return _sorted[lower] + ((position - lower) * (_sorted[upper] - _sorted[lower]));
    }
}
