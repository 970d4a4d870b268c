namespace ModScope.Web.Api;

/// <summary>The answer to <c>/api/query</c>: the period asked (and compared with) and one row per result.</summary>
internal sealed record QueryAnswer(PeriodView Period, PeriodView? ComparisonPeriod, IReadOnlyList<QueryRow> Rows);
