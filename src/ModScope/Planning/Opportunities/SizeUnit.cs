namespace ModScope.Planning.Opportunities;

/// <summary>What an opportunity's size counts, per week.</summary>
public enum SizeUnit
{
    /// <summary>Handling (active review) hours.</summary>
    HandlingHours,

    /// <summary>Productive hours, as in the staffing data.</summary>
    ProductiveHours,

    /// <summary>Scheduled (paid) hours.</summary>
    ScheduledHours,

    /// <summary>QA audits.</summary>
    Audits,
}
