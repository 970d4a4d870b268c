namespace ModScope.Planning.Forecasting;

/// <summary>Where a forecast's uplift for an event family came from.</summary>
public enum EventSource
{
    /// <summary>Estimated from the family's occurrences in the history, day by day of the window.</summary>
    Estimated,

    /// <summary>The calendar's expected uplift: the history holds no occurrence.</summary>
    Calendar,

    /// <summary>No occurrence in the history and no uplift in the calendar: forecast as a usual day.</summary>
    Unknown,
}
