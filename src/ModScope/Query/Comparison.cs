namespace ModScope.Query;

/// <summary>What a period is compared with.</summary>
public enum Comparison
{
    None,
    /// <summary>The period of the same length just before.</summary>
    PreviousPeriod,
    /// <summary>The same dates one year earlier.</summary>
    SamePeriodLastYear,
    /// <summary>Seven days earlier (same weekdays).</summary>
    SameWeekdayLastWeek,
}
