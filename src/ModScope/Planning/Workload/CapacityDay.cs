namespace ModScope.Planning.Workload;

/// <summary>Hours a site has scheduled (or is expected to schedule) on one day.</summary>
public sealed record CapacityDay(string Site, DateOnly Day, double ScheduledHours);
