namespace ModScope.Reports.Story;

/// <summary>
/// The knobs of the storyline rules, in one place so they are easy to read and change: which metrics are headline,
/// how many movements make the page, what counts as persistent, and how precise a QA estimate must be to conclude.
/// </summary>
public sealed record StoryRules
{
    public static readonly StoryRules Default = new();

    /// <summary>The core index shown on the first page: every metric with a target, plus volume, speed, backlog and cost.</summary>
    public IReadOnlyList<string> HeadlineMetrics { get; init; } =
    [
        "decision_volume", "qa_accuracy", "over_enforcement_rate", "under_enforcement_rate", "qa_agreement_kappa", "appeal_overturn_rate",
        "sla_attainment", "tat_p90_hours", "backlog_end_of_period", "automation_rate", "proactive_detection_rate", "utilisation", "cost_per_decision",
    ];

    /// <summary>Metrics whose significant changes can become movements.</summary>
    public IReadOnlyList<string> MovementMetrics { get; init; } =
        ["decision_volume", "qa_accuracy", "over_enforcement_rate", "under_enforcement_rate", "appeal_overturn_rate", "sla_attainment", "automation_rate", "proactive_detection_rate"];

    /// <summary>QA metrics of the quality report.</summary>
    public IReadOnlyList<string> QualityMetrics { get; init; } =
        ["qa_accuracy", "over_enforcement_rate", "under_enforcement_rate", "wrong_policy_rate", "qa_agreement_kappa", "appeal_overturn_rate", "qa_audit_volume"];

    /// <summary>Metrics that rank markets and sites in a regional report (and count towards "targets met").</summary>
    public IReadOnlyList<string> RankingMetrics { get; init; } =
        ["decision_volume", "qa_accuracy", "sla_attainment", "appeal_overturn_rate", "over_enforcement_rate", "under_enforcement_rate", "automation_rate"];

    /// <summary>Most and fewest movements on an exec page; after the fewest, a movement needs this share of the top score.</summary>
    public int MaxMovements { get; init; } = 5;
    public int MinMovements { get; init; } = 3;
    public double MinScoreShareOfTop { get; init; } = 0.2;

    /// <summary>
    /// Smallest slices whose change can be a movement: sampled (QA) metrics need this many audits, census shares this
    /// many events in the denominator (DOMAIN.md 1.10: a minimum denominator before calling a move).
    /// </summary>
    public double MinAudits { get; init; } = 200;
    public double MinDenominator { get; init; } = 200;

    /// <summary>Weeks in a row that make a miss or a movement persistent.</summary>
    public int PersistentWeeks { get; init; } = 3;

    /// <summary>Trailing weeks and months gathered for charts and persistence.</summary>
    public int TrailingWeeks { get; init; } = 6;
    public int TrailingMonths { get; init; } = 12;

    /// <summary>A QA estimate is precise enough to conclude when its 95% interval's half-width is at most this (±2 points).</summary>
    public double QaMargin { get; init; } = 0.02;

    /// <summary>Most decisions listed, most alerts listed, most rows in a ranking.</summary>
    public int MaxDecisions { get; init; } = 3;
    public int MaxAlerts { get; init; } = 5;
    public int MaxRankingRows { get; init; } = 12;

    /// <summary>Dimensions sliced for each audience.</summary>
    public IReadOnlyList<string> Dimensions(ReportAudience audience) => audience switch
    {
        ReportAudience.Exec => ["market", "site", "policy", "queue"],
        ReportAudience.Regional => ["market", "site", "queue"],
        _ => ["policy", "site"],
    };

    /// <summary>The metrics charted (six weeks and twelve months side by side) for each audience.</summary>
    public IReadOnlyList<string> ChartMetrics(ReportAudience audience) => audience switch
    {
        ReportAudience.Exec => ["qa_accuracy", "sla_attainment", "appeal_overturn_rate"],
        ReportAudience.Regional => ["sla_attainment", "backlog_end_of_period", "qa_accuracy"],
        _ => ["qa_accuracy", "over_enforcement_rate", "under_enforcement_rate"],
    };

    /// <summary>Metrics gathered by segment for an audience.</summary>
    public IReadOnlyList<string> SegmentMetrics(ReportAudience audience) => audience switch
    {
        ReportAudience.Exec => MovementMetrics,
        ReportAudience.Regional => RankingMetrics,
        _ => QualityMetrics,
    };
}
