namespace ModScope.Web.Api;

/// <summary>The answer to <c>/api/query</c>: the period asked (and compared with), one row per result (with its segment's target), and how each metric is drawn.</summary>
internal sealed record QueryAnswer(PeriodView Period, PeriodView? ComparisonPeriod, IReadOnlyList<QueryRow> Rows, IReadOnlyList<MetricAxis> Metrics);
