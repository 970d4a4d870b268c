namespace ModScope.Reports.Story;

/// <summary>Where a value stands against its target; <see cref="Undetermined"/> when a sampled value's interval straddles it.</summary>
public enum TargetStatus
{
    NoTarget,
    Met,
    Missed,
    Undetermined,
}
