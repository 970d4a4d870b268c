namespace ModScope.Catalog;

/// <summary>
/// What ModScope's logic asks the catalogue for instead of naming a metric: the <c>roles:</c> section of a catalogue
/// file, each role naming metrics of the same file (checked at load with file, line and field). A new catalogue with
/// other metric ids runs the monitor, dashboard and reports unchanged as long as it fills these roles.
/// </summary>
public sealed record CatalogRoles
{
    /// <summary>The count of decisions: weights leaves and segments, a region's share, "the period has no decisions".</summary>
    public required string Volume { get; init; }

    /// <summary>A ratio whose denominator is productive moderator hours (the monitor's staffing gate reads it).</summary>
    public required string StaffingHours { get; init; }

    /// <summary>The QA rate a quality report leads with and thin-sample warnings judge.</summary>
    public required string QaRate { get; init; }

    /// <summary>The false-positive (over-enforcement) rate.</summary>
    public required string OverEnforcement { get; init; }

    /// <summary>The false-negative (under-enforcement) rate.</summary>
    public required string UnderEnforcement { get; init; }

    /// <summary>Auditor agreement (a kappa, read in Landis–Koch bands).</summary>
    public required string Agreement { get; init; }

    /// <summary>The share of appealed decisions overturned.</summary>
    public required string Overturn { get; init; }

    /// <summary>SLA attainment.</summary>
    public required string Sla { get; init; }

    /// <summary>The turnaround quantile shown beside SLA and backlog.</summary>
    public required string Turnaround { get; init; }

    /// <summary>Items open at the end of a period.</summary>
    public required string Backlog { get; init; }

    /// <summary>The overview: the dashboard's tiles and the demo's core index, in order.</summary>
    public required IReadOnlyList<string> Overview { get; init; }

    /// <summary>The core index on a report's first page.</summary>
    public required IReadOnlyList<string> ReportHeadline { get; init; }

    /// <summary>Metrics whose significant changes can become an exec report's movements.</summary>
    public required IReadOnlyList<string> ReportMovements { get; init; }

    /// <summary>The QA metrics of the quality report.</summary>
    public required IReadOnlyList<string> ReportQuality { get; init; }

    /// <summary>Metrics that rank markets and sites in a regional report.</summary>
    public required IReadOnlyList<string> ReportRanking { get; init; }

    /// <summary>The QA error rates a quality report ranks policies and sites by.</summary>
    public required IReadOnlyList<string> QualityErrors { get; init; }

    /// <summary>Sampled rates whose thin slices a quality report names.</summary>
    public required IReadOnlyList<string> ThinSamples { get; init; }

    /// <summary>The charts of each audience's report (trailing weeks and months side by side).</summary>
    public required IReadOnlyList<string> ChartsExec { get; init; }

    public required IReadOnlyList<string> ChartsRegional { get; init; }

    public required IReadOnlyList<string> ChartsQuality { get; init; }

    /// <summary>Optional, for planning: the count of human decisions (the work to staff).</summary>
    public string? HumanVolume { get; init; }

    /// <summary>Optional, for planning: the mean handling seconds of a human decision.</summary>
    public string? HandlingTime { get; init; }

    /// <summary>Optional, for planning's handling-time outliers: the sum of squared handling seconds of human decisions.</summary>
    public string? HandlingSquares { get; init; }

    /// <summary>Optional, for planning: a ratio of productive hours (numerator) over scheduled hours (denominator).</summary>
    public string? Utilisation { get; init; }

    /// <summary>Optional, for planning: a ratio whose numerator is scheduled hours at their hourly cost.</summary>
    public string? LabourCost { get; init; }
}
