namespace ModScope.Planning.Workload;

/// <summary>One day's expected human decisions in a queue at a site and their mean handling seconds.</summary>
public sealed record DemandDay(DateOnly Day, double Volume, double HandlingSeconds)
{
    /// <summary>Handling hours of the day's work.</summary>
    public double WorkHours => Volume * HandlingSeconds / 3600.0;
}
