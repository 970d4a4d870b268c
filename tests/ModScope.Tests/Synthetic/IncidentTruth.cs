namespace ModScope.Tests.Synthetic;

/// <summary>One element of incidents.json, read with a JSON parser (not the generator's types).</summary>
public sealed record IncidentTruth(
    string Id, string Kind, DateOnly Start, DateOnly End, IReadOnlyList<string> Metrics,
    IReadOnlyDictionary<string, string> Segment, string Direction, IReadOnlyList<(string Metric, string Direction)> Effects, string Description,
    IReadOnlyList<(string Metric, string Direction)> Consequences)
{
    public bool Covers(DateOnly date) => date >= Start && date <= End;
}
