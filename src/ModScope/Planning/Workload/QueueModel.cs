namespace ModScope.Planning.Workload;

/// <summary>How a queue's staffing need is computed.</summary>
public enum QueueModel
{
    /// <summary>Daily fluid with the SLA as a deadline and the backlog carried over (SLAs of hours to days).</summary>
    Fluid,

    /// <summary>Hour by hour with Erlang C at the SLA's service level (minute-scale queues such as livestreams).</summary>
    Erlang,
}
