namespace ModScope.Monitor.Detection;

/// <summary>An alert still open while <see cref="DetectorRun"/> walks the series.</summary>
internal sealed class OpenEpisode(int startIndex, DateTime start, AnomalyKind kind, int direction, BaselineNote baseline)
{
    private readonly int _startIndex = startIndex;
    private readonly DateTime _start = start;
    private int _endIndex = startIndex;
    private DateTime _end = start;
    private double _peak;
    private double _impact;
    private double _expected;

    /// <summary>Points that belonged to the alert so far.</summary>
    public int Points { get; private set; }

    /// <summary>Consecutive calm points since the last anomalous one.</summary>
    public int Calm { get; set; }

    /// <summary>Whether the alert has been raised (a weak onset waits for a second anomalous point).</summary>
    public bool Confirmed { get; set; }

    public void Extend(int index, DateTime time, double evidence, double residual, double expected)
    {
        (_endIndex, _end) = (index, time);
        _peak = Math.Max(_peak, evidence * evidence / (1.0 + (evidence * evidence)));
        _impact += residual;
        _expected += expected;
        Points++;
        Calm = 0;
    }

    public AnomalyEpisode ToEpisode() =>
        new(_startIndex, _endIndex, _start, _end, kind, direction, _peak, _impact, _expected, baseline);
}
