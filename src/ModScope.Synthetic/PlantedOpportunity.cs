namespace ModScope.Synthetic;

/// <summary>Ground truth for one planted opportunity (one element of <c>opportunities.json</c>).</summary>
/// <param name="Id">Stable id, <c>OPP-01</c>….</param>
/// <param name="Kind">As <c>modscope opportunities --kind</c> names it: site-productivity, qa-sampling, automation or sla-risk.</param>
/// <param name="Subject">What it is about, as dimension = value ({site: …}, {policy: …, queue: …}).</param>
/// <param name="Value">Its size a week over <paramref name="First"/>..<paramref name="Last"/>, in <paramref name="Unit"/>.</param>
/// <param name="Unit">productive_hours, handling_hours or audits (as the finder sizes the kind).</param>
/// <param name="First">First day of the window the value is measured over (the last 28 days of the data).</param>
/// <param name="Last">Last day of the data.</param>
/// <param name="Description">What was planted, in words.</param>
public sealed record PlantedOpportunity(
    string Id,
    string Kind,
    IReadOnlyDictionary<string, string> Subject,
    double Value,
    string Unit,
    DateOnly First,
    DateOnly Last,
    string Description);
