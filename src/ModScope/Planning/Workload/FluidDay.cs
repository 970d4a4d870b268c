namespace ModScope.Planning.Workload;

/// <summary>One day of a fluid queue: the work arriving (handling hours) and the work the staff can do (handling hours).</summary>
public sealed record FluidDay(DateOnly Day, double Work, double Capacity);
