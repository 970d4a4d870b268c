namespace ModScope.Reports;

/// <summary>Names of the result sets a report gathers; the storyline reads them by these names.</summary>
public static class ReportSets
{
    /// <summary>Scope totals for the period, compared with the prior period.</summary>
    public const string Headline = "headline";
    /// <summary>Totals without the region/market filter (regional reports).</summary>
    public const string Global = "global";
    /// <summary>Scope totals by ISO week, the trailing six weeks.</summary>
    public const string Weekly = "weekly";
    /// <summary>Scope totals by month, the trailing twelve months.</summary>
    public const string Monthly = "monthly";

    /// <summary>The period by one dimension, compared with the prior period.</summary>
    public static string By(string dimension) => "by_" + dimension;

    /// <summary>
    /// Agreement (kappa) by one dimension, without a comparison: kappa can be negative, and the query layer's
    /// period-over-period test for it expects a proportion.
    /// </summary>
    public static string AgreementBy(string dimension) => "agreement_by_" + dimension;

    /// <summary>The trailing weeks by one dimension (for persistence).</summary>
    public static string WeeklyBy(string dimension) => "weekly_by_" + dimension;
}
