namespace ModScope.Synthetic;

/// <summary>What a generation run wrote.</summary>
/// <param name="Files">Full paths of every file written, in writing order (<c>incidents.json</c> and <c>opportunities.json</c> last).</param>
/// <param name="RowsPerTable">Rows written per table, including the rows of a re-delivered file.</param>
/// <param name="Incidents">The planted incidents (empty for a quiet data set), as in <c>incidents.json</c>.</param>
public sealed record GenerationSummary(
    IReadOnlyList<string> Files,
    IReadOnlyDictionary<string, long> RowsPerTable,
    IReadOnlyList<Incident> Incidents)
{
    /// <summary>The planted opportunities with their sizes (empty when none were planted), as in <c>opportunities.json</c>.</summary>
    public IReadOnlyList<PlantedOpportunity> Opportunities { get; init; } = [];
}
