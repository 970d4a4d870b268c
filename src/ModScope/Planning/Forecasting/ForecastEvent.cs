namespace ModScope.Planning.Forecasting;

/// <summary>
/// One occurrence of a calendar event that touches the series: its effect window (first and last day, inclusive) and
/// the family it belongs to (the same sale every year), so an uplift seen in the history carries to the next occurrence.
/// </summary>
/// <param name="Family">Groups the occurrences of one recurring event (<c>singles_day</c>).</param>
/// <param name="Start">First day of the effect window.</param>
/// <param name="End">Last day of the effect window.</param>
/// <param name="Uplift">The calendar's expected volume factor on the window's days (1.8 = +80%), used when the history
/// holds no occurrence of the family; null when the calendar gives none.</param>
/// <param name="UpliftEnd">Last day the calendar's uplift applies (the sized peak's last day, from <c>Start</c>;
/// <c>CalendarEvent.UpliftEnd</c>); null: the window's end.</param>
public sealed record ForecastEvent(string Family, DateOnly Start, DateOnly End, double? Uplift = null, DateOnly? UpliftEnd = null)
{
    /// <summary>True when the calendar's uplift applies on <paramref name="day"/>: from the window's start to <see cref="UpliftEnd"/>.</summary>
    public bool InUplift(DateOnly day) => Uplift is > 0 && day >= Start && day <= (UpliftEnd ?? End);

    /// <summary>True when <paramref name="day"/> is inside the window.</summary>
    public bool Covers(DateOnly day) => day >= Start && day <= End;

    /// <summary>Days from the window's start (0 on the first day).</summary>
    public int Offset(DateOnly day) => day.DayNumber - Start.DayNumber;
}
