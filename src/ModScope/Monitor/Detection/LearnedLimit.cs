namespace ModScope.Monitor.Detection;

/// <summary>
/// The alert level of an accumulating statistic (a CUSUM), learned from its own history by <see cref="TailLimit"/>.
/// Two rules keep an anomaly from raising its own bar: a value joins the history only <c>delay</c> points later, so a
/// long excursion is judged against the history before it; and values taken while an alert is open never join, so
/// the level describes the series' normal behaviour and a second anomaly like the first is still seen.
/// </summary>
internal sealed class LearnedLimit(int window, int delay)
{
    private readonly TailLimit _history = new(window);
    private readonly Queue<double> _pending = new();

    /// <summary>The level passed with probability <paramref name="risk"/> per point, NaN until learned.</summary>
    public double Level(double risk) => _history.Levels(risk).Upper;

    public void Add(double value, bool inAlert)
    {
        _pending.Enqueue(inAlert ? double.NaN : value);
        if (_pending.Count > delay)
        {
            _history.Add(_pending.Dequeue());
        }
    }

    public void Clear()
    {
        _history.Clear();
        _pending.Clear();
    }
}
