using System.Globalization;

namespace ModScope.Synthetic;

/// <summary>
/// Daily rosters per site. Each site has a stable pool of moderator ids, each with a home market
/// (apportioned by the markets' expected human volume at the site, so a small pool shows the site's main
/// market). Each day the site needs its human decisions' handling hours at 85% occupancy in productive hours,
/// and enough moderators are scheduled (8 h, some 4 h; whole moderators rounded up, 6.2 productive hours each,
/// i.e. about 22% shrinkage) for that; their productive hours follow that work (at most 90% of scheduled). So
/// handling time never exceeds productive time, a roster is never short of the planning targets (85% occupancy,
/// 20% shrinkage) by its rounding, and a backlog shows as fewer productive hours. Decisions draw their
/// moderators from these rosters. The planted site understaffed for the coming peak
/// (<see cref="OpportunityPlan.UnderstaffedSite"/>) has the same moderators on shifts scaled to
/// <see cref="OpportunityPlan.UnderstaffedHours"/> scheduled hours per handling hour in all, a stated 5% above the
/// planning targets on every day, instead of the margin whole moderators give the other sites (no draw of its own, so
/// every draw is the one without the plant).
/// </summary>
internal sealed class StaffingPlanner
{
    private const double HoursPerModerator = 6.2;

    /// <summary>Handling time over productive time the sites work at.</summary>
    private const double Occupancy = 0.85;

    private readonly int _seed;
    private readonly SimCalendar _calendar;
    private readonly IReadOnlyList<SiteTeam> _teams;
    private readonly OpportunityPlan _opportunities;

    public StaffingPlanner(int seed, int decisionsPerDay, SimulationProfile profile, ProfileExpectations expected, SimCalendar calendar, OpportunityPlan opportunities)
    {
        (_seed, _calendar, _opportunities) = (seed, calendar, opportunities);
        _teams = profile.Sites.Select(site => SiteTeam.Create(site, profile, expected, decisionsPerDay, HoursPerModerator)).ToArray();
    }

    /// <summary>
    /// Every moderator-day for the day, ordered by site, then moderator id. Sites without human decisions
    /// that day (including a site whose data is missing) have nobody on the roster.
    /// </summary>
    public IReadOnlyList<StaffingRow> Plan(int day, IReadOnlyDictionary<string, double> handlingHoursBySite)
    {
        var date = _calendar.DateOf(day);
        var rows = new List<StaffingRow>();
        foreach (var team in _teams.Where(t => t.Pool.Count > 0 && handlingHoursBySite.GetValueOrDefault(t.Site.Id) > 0))
        {
            var rng = SeedMixer.Random(_seed, SeedMixer.Stream.Staffing, day, team.Site.Index);
            var needed = handlingHoursBySite[team.Site.Id] / Occupancy;
            var count = Math.Clamp((int)Math.Ceiling(needed / HoursPerModerator), 1, team.Pool.Count);
            var roster = team.Pool.ToArray();
            rng.ShuffleInPlace(roster);
            var chosen = roster.Take(count).OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
            var scheduled = _opportunities.Shifts(team.Site.Id,
                [.. chosen.Select(_ => count == 1 && needed < 3.6 ? 4.0 : count >= 3 && rng.Chance(0.12) ? 4.0 : 8.0)], handlingHoursBySite[team.Site.Id]);
            var totalScheduled = scheduled.Sum();
            for (var i = 0; i < chosen.Length; i++)
            {
                var productive = needed * scheduled[i] / totalScheduled * rng.Uniform(0.93, 1.07);
                productive = Math.Round(Math.Clamp(productive, 0.25, 0.9 * scheduled[i]), 2);
                rows.Add(new StaffingRow(date, team.Site.Id, chosen[i].HomeMarket, chosen[i].Id, scheduled[i], productive, HourlyCost(team.Site, chosen[i].Number)));
            }
        }

        return rows.OrderBy(r => r.Site, StringComparer.Ordinal).ThenBy(r => r.ModeratorId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The site's rate with a stable per-moderator seniority factor (0.92-1.10).</summary>
    private double HourlyCost(SiteProfile site, int moderatorNumber)
    {
        var u = SeedMixer.Derive(_seed, SeedMixer.Stream.Moderator, site.Index, moderatorNumber) / (double)int.MaxValue;
        return Math.Round(site.HourlyCost * (0.92 + (0.18 * u)), 2);
    }
}
