namespace ModScope.Monitor.Detection;

/// <summary>What a series measures, which decides the sampling-noise test a change must also pass.</summary>
public enum SeriesKind
{
    /// <summary>Any level (hours, seconds, a cost): judged against its own history only.</summary>
    Level,

    /// <summary>A count of events: a change must also beat Poisson noise (variance = expected count).</summary>
    Count,

    /// <summary>A proportion from <see cref="SeriesPoint.SampleSize"/> trials: a change must also beat binomial noise.</summary>
    Proportion,
}
