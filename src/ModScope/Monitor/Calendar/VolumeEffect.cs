namespace ModScope.Monitor.Calendar;

/// <summary>Which way an event moves decision volume in its markets.</summary>
public enum VolumeEffect
{
    /// <summary>More volume than a usual day (a sale, a shopping season).</summary>
    Up,

    /// <summary>Less volume than a usual day (a public holiday).</summary>
    Down,

    /// <summary>Either way depending on the day (shopping before a holiday, a lull during it).</summary>
    Mixed,
}
