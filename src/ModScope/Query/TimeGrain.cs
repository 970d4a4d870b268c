namespace ModScope.Query;

/// <summary>How results are bucketed in time. <see cref="None"/> gives one value for the whole period.</summary>
public enum TimeGrain
{
    None,
    Hour,
    Day,
    /// <summary>ISO week, starting Monday.</summary>
    Week,
    Month,
    Quarter,
}
