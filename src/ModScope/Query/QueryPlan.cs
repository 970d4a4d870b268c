using ModScope.Catalog;

namespace ModScope.Query;

/// <summary>The statements that answer a request, and the metrics they serve (requested ones and those they derive from).</summary>
/// <param name="Answered">Where the rows come from: <c>rollup NAME</c>, <c>raw: REASON</c>, or both (some statements raw, with why).</param>
public sealed record QueryPlan(MetricRequest Request, IReadOnlyList<PlannedStatement> Statements, IReadOnlyList<MetricDefinition> Metrics, string Answered = "raw")
{
    /// <summary>All statements as one script, for <c>--explain</c> (which prints <see cref="Answered"/> before it).</summary>
    public string Explain() => string.Join("\n\n", Statements.Select(s =>
        $"-- {s.Purpose}\n-- parameters: {string.Join(", ", s.Parameters.Select(p => $"{p.Key}={Show(p.Value)}"))}\n{s.Sql};"));

    private static string Show(object? value) => value switch
    {
        null => "NULL",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
