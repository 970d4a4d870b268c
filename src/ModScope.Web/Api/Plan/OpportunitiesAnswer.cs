namespace ModScope.Web.Api.Plan;

/// <summary><c>/api/opportunities</c>: the sized opportunities in the caller's scope, worth the most money a week first.</summary>
internal sealed record OpportunitiesAnswer(DateOnly LastDay, string LastDayText, string Currency, IReadOnlyList<OpportunityView> Rows);

/// <summary>
/// One opportunity as the table shows it: its kind and subject by name, its size with the interval in its unit, its
/// worth in hours and money a week, the evidence in words, the commands that reproduce it, and the explorer view that
/// shows its first query.
/// </summary>
internal sealed record OpportunityView(
    string Kind,
    string KindName,
    int Rank,
    IReadOnlyDictionary<string, string> Subject,
    string SubjectName,
    double Size,
    double Low,
    double High,
    string Unit,
    string SizeText,
    string IntervalText,
    double HoursPerWeek,
    string HoursText,
    double MoneyPerWeek,
    string MoneyText,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<string> Queries,
    ExplorerView? Explore);

/// <summary>One fact behind an opportunity: its label in the language (and what it is about) and its value.</summary>
internal sealed record EvidenceView(string Key, string Label, string Value);

/// <summary>The explorer's parameters that show a query (metric, by, period, filter, grain).</summary>
internal sealed record ExplorerView(IReadOnlyList<string> Metric, IReadOnlyList<string> By, string Period, IReadOnlyList<string> Filter, string Grain);
