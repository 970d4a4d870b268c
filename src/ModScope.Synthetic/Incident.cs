namespace ModScope.Synthetic;

/// <summary>Ground truth for one planted incident (one element of <c>incidents.json</c>).</summary>
/// <param name="Id">Stable id, e.g. <c>INC-01</c>, numbered by start date.</param>
/// <param name="Kind">fp_spike, tat_surge, model_drift, mix_shift, missing_site_day or duplicate_redelivery.</param>
/// <param name="Start">First affected UTC day.</param>
/// <param name="End">Last affected UTC day (inclusive; equal to <paramref name="Start"/> for one-day incidents).</param>
/// <param name="Metrics">Metric ids the incident moves (the metrics of <paramref name="Effects"/>).</param>
/// <param name="Segment">Where to look, as column = value (e.g. <c>site</c>, <c>market</c>); empty for the whole data set.</param>
/// <param name="Direction">Direction of the first (primary) effect: <c>up</c> or <c>down</c>.</param>
/// <param name="Effects">Each affected metric with its direction.</param>
/// <param name="Description">What happened, in words.</param>
/// <param name="Consequences">
/// Metrics the incident's mechanism also moves, as a direct consequence rather than as its subject (a model that
/// misses enforcements also lowers the enforcement rate). An alert on one of them is a correct alert, but finding them
/// is not required to detect the incident.
/// </param>
public sealed record Incident(
    string Id,
    string Kind,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<string> Metrics,
    IReadOnlyDictionary<string, string> Segment,
    string Direction,
    IReadOnlyList<IncidentEffect> Effects,
    string Description,
    IReadOnlyList<IncidentEffect> Consequences)
{
    /// <summary>Every metric the incident moves: its effects, then their consequences.</summary>
    public IEnumerable<string> MovedMetrics => Metrics.Concat(Consequences.Select(c => c.Metric));
}
