namespace ModScope.Monitor.Detection;

/// <summary>
/// Whether a value lies beyond what the series itself has ever reached in its learned history (the idea of the
/// windowed Gaussian detector: the tail probability of the value under the series' own distribution, here its
/// peaks-over-threshold tail, <see cref="TailLimit"/>). A slow drift to a new low or a new high that a local baseline
/// follows step by step is seen here. Evidence is the distance from the history's median over the distance of the
/// learned level, and 0 for a value inside the range the history already covers.
/// </summary>
internal sealed class RangeEvidence(int history)
{
    private readonly TailLimit _values = new(history, farTail: true);

    public double Judge(double value, double risk)
    {
        var (upper, lower) = _values.Levels(risk);
        if (!double.IsFinite(upper))
        {
            return 0.0;
        }
        var center = _values.Median;
        return value > _values.Max && upper > center ? (value - center) / (upper - center)
            : value < _values.Min && lower < center ? (center - value) / (center - lower)
            : 0.0;
    }

    public void Add(double value) => _values.Add(value);

    public void Clear() => _values.Clear();
}
