namespace ModScope.Synthetic;

/// <summary>
/// Chooses where opportunities are planted, from the seed, among segments big enough for the finder to see them: a
/// busy human site for the over-sampled QA stratum, one with at least <see cref="MinimumEnforcementsPerDay"/> enforcements a day, and for the slow one a busy site whose markets other sites serve too
/// (a site alone on its queues is indistinguishable from one with harder work, so no mix-adjusted comparison can see
/// it). Never a site an incident hits (its window would blur the level). The automation candidate is the
/// policy × queue cell with the most human handling time (share × the object type's median) among those with at least <see cref="MinimumAutomatedShare"/> of all
/// decisions automated (enough for its own audits), its policy and market untouched by incidents (a model drift would
/// blur its accuracy); no draw, so the other choices are those of the world without it. (A cell's human work is small
/// at the evaluation's 8,000 decisions a day, 1-3 handling hours a week, so the largest is taken, not one of a few.)
/// The understaffed site, only when a sized calendar peak falls in the 28 days after the data, is the site with the most
/// expected SEA human work among those whose work is mostly SEA (the peak's markets), untouched by incidents and not the
/// slow site; none when no site qualifies; no draw either.
/// </summary>
internal static class OpportunityPlanner
{
    public static OpportunityPlan Plan(GeneratorOptions options, SimulationProfile profile, ProfileExpectations expected, IncidentPlan incidents)
    {
        if (!options.Opportunities)
        {
            return OpportunityPlan.None;
        }

        var rng = SeedMixer.Random(options.Seed, SeedMixer.Stream.Opportunities);
        var hit = incidents.Placed.Select(p => p.Target).ToHashSet(StringComparer.Ordinal);
        var busy = expected.HumanVolumeBySite
            .Where(kv => !hit.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).Take(6).ToList();
        var shared = busy.Where(s => SharedShare(profile, expected, s) >= 0.8).ToList();
        var slow = shared.Count > 0 ? shared[rng.Next(shared.Count)] : busy[rng.Next(busy.Count)];
        busy.Remove(slow);
        var audited = busy.Where(s => options.DecisionsPerDay * expected.HumanEnforcementBySite[s] >= MinimumEnforcementsPerDay).ToList();
        var qa = audited.Count > 0 ? audited[rng.Next(audited.Count)]
            : busy.OrderByDescending(s => expected.HumanEnforcementBySite[s]).ThenBy(s => s, StringComparer.Ordinal).First();
        var understaffed = PeakAhead(options) ? Understaffed(profile, expected, hit, slow) : null;
        var cell = Cells(profile).Where(c => c.Automated >= MinimumAutomatedShare && !hit.Contains(c.Policy) && !hit.Contains(c.Market))
            .OrderByDescending(c => c.Human).ThenBy(c => c.Policy, StringComparer.Ordinal).ThenBy(c => c.Queue, StringComparer.Ordinal).FirstOrDefault();
        return new OpportunityPlan(slow, qa, cell.Policy, cell.Queue, understaffed);
    }

    /// <summary>
    /// Fewest expected human enforcements a day at the over-sampled QA site (when no busy site has them, the one with the
    /// most). The ordinary draw takes 20-30 a day (all when fewer) and the plant three times as many, so at a site with
    /// fewer than 30 the plant adds nothing (a census either way: seed 37's DUB-INHOUSE, 19 a day at 8,000 decisions, was
    /// planted and saved no more than any site's equal allocation). At 35 it adds at least 40% to the ordinary 25, and
    /// Neyman's saving (Cochran 5.25, at the generator's error shares of about 3.5% on approvals and 7% on enforcements,
    /// approvals 3.6 times as many) about doubles the one every site has from equal audits of unequal strata (about 120
    /// against 60 audits a week), so the plant ranks above the unplanted sites.
    /// </summary>
    public const double MinimumEnforcementsPerDay = 35;

    /// <summary>Fewest automated decisions of the automation candidate, as a share of all decisions (0.1%: 4 a day at 4,000, 8 at 8,000, so a month's audits can number a hundred or more).</summary>
    public const double MinimumAutomatedShare = 0.001;

    /// <summary>Each policy × queue (and the queue's market): expected human handling seconds per decision of all, and the expected automated share of all decisions.</summary>
    private static IEnumerable<(string Policy, string Queue, string Market, double Human, double Automated)> Cells(SimulationProfile profile)
    {
        var cells = new Dictionary<(string Policy, string Queue, string Market), (double Human, double Automated)>();
        foreach (var m in profile.Markets)
        {
            foreach (var (o, wo) in profile.ObjectChoice.Probabilities)
            {
                foreach (var (p, wp) in o.Policies.Probabilities)
                {
                    foreach (var (s, ws) in profile.SourceChoice(o, m.IsEu).Probabilities)
                    {
                        var key = (p.Id, profile.QueueFor(m, o, s.IsReactive).QueueId, m.Code);
                        var auto = SimulationProfile.AutomationProbability(m, o, p, s);
                        var w = m.Weight * wo * wp * ws;
                        var (human, automated) = cells.GetValueOrDefault(key);
                        cells[key] = (human + (w * (1 - auto) * o.HandlingMedianSeconds), automated + (w * auto));
                    }
                }
            }
        }

        return cells.Select(kv => (kv.Key.Policy, kv.Key.Queue, kv.Key.Market, kv.Value.Human, kv.Value.Automated));
    }

    /// <summary>True when a calendar peak with an uplift falls in the <see cref="OpportunityLedger.WindowDays"/> days after the data (a plan's horizon).</summary>
    private static bool PeakAhead(GeneratorOptions options) =>
        Enumerable.Range(options.Days, OpportunityLedger.WindowDays).Any(d => SimCalendar.IsPeak(options.FirstDay.AddDays(d)));

    /// <summary>
    /// The site with the most expected human work from SEA markets (11.11's) among those with at least
    /// <see cref="MinimumSeaShare"/> of their human work from them, no incident hitting it and not the slow site (its
    /// handling is the plant's; the over-sampled QA site may be it, since audits change no hours). The peak's shortfall
    /// grows with that work, less what the margin carries through the deadlines after the peak, which grows with all of
    /// the site's work: a site with a little SEA work among much else had none (seed 37: 56% SEA, a truth of 0.0 h a
    /// week at a 10% margin, 0.3 at 5%). Null when no site qualifies: no such plant.
    /// </summary>
    private static string? Understaffed(SimulationProfile profile, ProfileExpectations expected, HashSet<string> hit, string slow) =>
        expected.HumanVolumeBySite
            .Where(kv => !hit.Contains(kv.Key) && kv.Key != slow && kv.Value > 0)
            .Select(kv => (Site: kv.Key, Sea: SeaVolume(profile, expected, kv.Key), All: kv.Value))
            .Where(x => x.Sea >= MinimumSeaShare * x.All)
            .OrderByDescending(x => x.Sea).ThenBy(x => x.Site, StringComparer.Ordinal)
            .Select(x => (string?)x.Site).FirstOrDefault();

    /// <summary>The understaffed site's least share of human work from SEA markets (80%).</summary>
    private const double MinimumSeaShare = 0.8;

    private static double SeaVolume(SimulationProfile profile, ProfileExpectations expected, string site) =>
        profile.Markets.Where(m => m.IsSea).Sum(m => m.Weight * expected.HumanShare(m) * m.Routing.Where(r => r.Site.Id == site).Sum(r => r.Share));

    /// <summary>Share of the site's expected human decisions from markets that other sites serve too.</summary>
    private static double SharedShare(SimulationProfile profile, ProfileExpectations expected, string site)
    {
        var volumes = profile.Markets
            .Select(m => (m.Routing.Count, Volume: m.Weight * expected.HumanShare(m) * m.Routing.Where(r => r.Site.Id == site).Sum(r => r.Share)))
            .ToArray();
        var total = volumes.Sum(v => v.Volume);
        return total <= 0 ? 0.0 : volumes.Where(v => v.Count >= 2).Sum(v => v.Volume) / total;
    }
}
