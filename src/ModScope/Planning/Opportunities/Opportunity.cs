namespace ModScope.Planning.Opportunities;

/// <summary>
/// A sized opportunity: what it is about (dimension → value), its size in its natural unit, its worth in scheduled
/// hours and money per week, the facts behind it, and the commands that reproduce them.
/// </summary>
/// <param name="Kind">The kind of opportunity.</param>
/// <param name="Subject">Dimension values naming what it is about, e.g. {site: KUL-ALPHA} or {policy: …, object_type: …}.</param>
/// <param name="Size">Its size per week with an interval.</param>
/// <param name="HoursPerWeek">Scheduled (paid) hours per week it is worth (or, for SLA risk, missing).</param>
/// <param name="MoneyPerWeek">Those hours at the hourly cost that applies.</param>
/// <param name="Evidence">The facts behind it.</param>
public sealed record Opportunity(
    OpportunityKind Kind,
    IReadOnlyDictionary<string, string> Subject,
    OpportunitySize Size,
    double HoursPerWeek,
    double MoneyPerWeek,
    IReadOnlyList<Evidence> Evidence)
{
    /// <summary>Place among the opportunities of its kind, 1 = worth the most per week.</summary>
    public int Rank { get; init; }

    /// <summary>Commands (<c>modscope query …</c>) whose output holds the numbers behind it.</summary>
    public IReadOnlyList<string> Queries { get; init; } = [];

    /// <summary>The evidence value under <paramref name="key"/>, or null.</summary>
    public double? Value(string key) => Evidence.FirstOrDefault(e => e.Key == key)?.Value;
}
