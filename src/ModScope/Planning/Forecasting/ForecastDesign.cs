namespace ModScope.Planning.Forecasting;

/// <summary>
/// The regression's columns for one history: intercept, a trend (damped beyond the last day), day-of-week dummies,
/// yearly Fourier pairs, and one dummy per day of each event family's window seen in the history (the first seven
/// days each, the rest of a long window together). Families the history never saw contribute the calendar's uplift
/// as a fixed factor on the back-transformed volume, or nothing.
/// </summary>
internal sealed class ForecastDesign
{
    /// <summary>Window days with a dummy of their own; later days of a long window (Ramadan) share one.</summary>
    public const int OwnOffsets = 7;

    private const double YearDays = 365.25;

    private readonly DateOnly _last;
    private readonly bool _trend;
    private readonly double _damping;
    private readonly int _yearlyOrder;
    private readonly IReadOnlyList<ForecastEvent> _events;
    private readonly Dictionary<(string Family, int Bucket), int> _eventColumns = [];
    private readonly int _weekdayStart;

    public ForecastDesign(IReadOnlyList<DailyPoint> history, IReadOnlyList<ForecastEvent> events, ForecastSettings settings)
    {
        _last = history[^1].Day;
        var span = _last.DayNumber - history[0].Day.DayNumber + 1;
        _trend = span >= settings.TrendMinimumDays;
        _damping = settings.TrendDamping;
        _yearlyOrder = span >= settings.YearlyMinimumDays ? settings.YearlyOrder : 0;
        _events = events;
        _weekdayStart = _trend ? 2 : 1;
        var next = _weekdayStart + 6 + (2 * _yearlyOrder);
        foreach (var point in history)
        {
            foreach (var e in events.Where(e => e.Covers(point.Day)))
            {
                var key = (e.Family, Bucket(e.Offset(point.Day)));
                if (!_eventColumns.ContainsKey(key))
                {
                    _eventColumns[key] = next++;
                }
            }
        }

        Columns = next;
        SeenFamilies = _eventColumns.Keys.Select(k => k.Family).ToHashSet(StringComparer.Ordinal);
    }

    public int Columns { get; }

    /// <summary>Columns other than event days: intercept, trend, weekdays and yearly terms.</summary>
    public int BaseColumns => _weekdayStart + 6 + (2 * _yearlyOrder);

    public bool Trend => _trend;

    public bool Yearly => _yearlyOrder > 0;

    /// <summary>Families with at least one window day in the history.</summary>
    public IReadOnlySet<string> SeenFamilies { get; }

    /// <summary>The column of an event family's window bucket, or null when the history never saw it.</summary>
    public int? EventColumn(string family, int offset) =>
        _eventColumns.TryGetValue((family, Bucket(offset)), out var column) ? column : null;

    /// <summary>The regression row of <paramref name="day"/>; beyond the last history day the trend is damped.</summary>
    public double[] Row(DateOnly day)
    {
        var row = new double[Columns];
        row[0] = 1.0;
        var ahead = day.DayNumber - _last.DayNumber;
        if (_trend)
        {
            row[1] = ahead <= 0 ? ahead : DampedSteps(ahead);
        }

        // Monday is the baseline; Tuesday..Sunday get a dummy each.
        var weekday = ((int)day.DayOfWeek + 6) % 7;
        if (weekday > 0)
        {
            row[_weekdayStart + weekday - 1] = 1.0;
        }

        for (var k = 1; k <= _yearlyOrder; k++)
        {
            var angle = 2.0 * Math.PI * k * day.DayNumber / YearDays;
            row[_weekdayStart + 6 + (2 * (k - 1))] = Math.Sin(angle);
            row[_weekdayStart + 6 + (2 * (k - 1)) + 1] = Math.Cos(angle);
        }

        foreach (var e in _events.Where(e => e.Covers(day)))
        {
            if (EventColumn(e.Family, e.Offset(day)) is { } column)
            {
                row[column] = 1.0;
            }
        }

        return row;
    }

    /// <summary>
    /// The fixed factor on <paramref name="day"/>'s volume from families whose window day the history never saw: the
    /// product of the calendar's uplifts on their sized peak's days (<see cref="ForecastEvent.InUplift"/>: the window
    /// less the lag days the calendar leaves out), else 1. It multiplies y itself (1.8 = 80% more items than a usual
    /// day), not 1 + y, which would add 0.8 items to a small series' every window day.
    /// </summary>
    public double PriorFactor(DateOnly day) =>
        _events.Where(e => e.InUplift(day) && EventColumn(e.Family, e.Offset(day)) is null)
            .Aggregate(1.0, (factor, e) => factor * e.Uplift!.Value);

    /// <summary>Σ φ^i for i = 1..h: how far a damped trend carries h days ahead.</summary>
    private double DampedSteps(int ahead)
    {
        if (_damping >= 1.0)
        {
            return ahead;
        }

        return _damping * (1.0 - Math.Pow(_damping, ahead)) / (1.0 - _damping);
    }

    private static int Bucket(int offset) => Math.Min(offset, OwnOffsets);
}
