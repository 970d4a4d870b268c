namespace ModScope.Synthetic;

/// <summary>
/// Gives each human decision a moderator from the day's roster of its site, in proportion to the
/// moderators' productive hours.
/// </summary>
internal static class ModeratorAssigner
{
    public static void Assign(Random rng, IReadOnlyList<SimDecision> decisions, IReadOnlyList<StaffingRow> roster)
    {
        var sites = roster
            .GroupBy(r => r.Site, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new WeightedChoice<string>(g.Select(r => (r.ModeratorId, r.ProductiveHours))), StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            if (decision.Site is null)
            {
                continue;
            }

            decision.ModeratorId = sites.TryGetValue(decision.Site.Id, out var team)
                ? team.Pick(rng)
                : throw new InvalidOperationException($"Decision {decision.Id} was routed to site {decision.Site.Id}, which has nobody on the roster.");
        }
    }
}
