namespace ModScope.Reports.Story;

/// <summary>
/// The knobs of the storyline rules, in one place so they are easy to read and change: how many movements make the
/// page, what counts as persistent, and how precise a QA estimate must be to conclude. Which metrics each part shows
/// is the catalogue's (<see cref="Catalog.CatalogRoles"/>: report_headline, report_movements, ...; see <see cref="ReportMetrics"/>).
/// </summary>
public sealed record StoryRules
{
    public static readonly StoryRules Default = new();

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

    /// <summary>Trend charts at most: two on the one-page exec review (with its sentences and scorecard), four elsewhere.</summary>
    public int MaxCharts(ReportAudience audience) => audience == ReportAudience.Exec ? 2 : 4;
    public int MaxRankingRows { get; init; } = 12;

    /// <summary>Dimensions sliced for each audience.</summary>
    public IReadOnlyList<string> Dimensions(ReportAudience audience) => audience switch
    {
        ReportAudience.Exec => ["market", "site", "policy", "queue"],
        ReportAudience.Regional => ["market", "site", "queue"],
        _ => ["policy", "site"],
    };
}
