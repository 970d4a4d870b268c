namespace ModScope.Planning.Opportunities;

/// <summary>Orders opportunities by money per week (then hours, then subject) and numbers them within their kind.</summary>
public static class OpportunityRanking
{
    public static IReadOnlyList<Opportunity> Rank(IEnumerable<Opportunity> opportunities)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        var ordered = opportunities
            .OrderByDescending(o => o.MoneyPerWeek)
            .ThenByDescending(o => o.HoursPerWeek)
            .ThenBy(o => string.Join("|", o.Subject.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")), StringComparer.Ordinal)
            .ToArray();
        var ranks = new Dictionary<OpportunityKind, int>();
        return ordered.Select(o =>
        {
            var rank = ranks.GetValueOrDefault(o.Kind) + 1;
            ranks[o.Kind] = rank;
            return o with { Rank = rank };
        }).ToArray();
    }
}
