using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>
/// The simulation's view of the world: reference data joined with the numbers in the <c>*Table</c> classes.
/// Every code in a table must exist in the reference data; a mismatch fails fast naming the code.
/// </summary>
internal sealed class SimulationProfile
{
    private readonly (Queue Proactive, Queue Reactive)[,] _queues;
    private readonly WeightedChoice<SourceProfile>[,] _sources;

    private SimulationProfile(
        IReadOnlyList<MarketProfile> markets,
        IReadOnlyList<SiteProfile> sites,
        IReadOnlyList<ObjectProfile> objects,
        (Queue, Queue)[,] queues)
    {
        Markets = markets;
        Sites = sites;
        Objects = objects;
        ObjectChoice = new WeightedChoice<ObjectProfile>(objects.Select(o => (o, o.Weight)));
        _queues = queues;
        _sources = new WeightedChoice<SourceProfile>[objects.Count, 2];
        foreach (var o in objects)
        {
            _sources[o.Index, 0] = SourceTable.Mix(o, eu: false);
            _sources[o.Index, 1] = SourceTable.Mix(o, eu: true);
        }
    }

    public IReadOnlyList<MarketProfile> Markets { get; }

    public IReadOnlyList<SiteProfile> Sites { get; }

    public IReadOnlyList<ObjectProfile> Objects { get; }

    public WeightedChoice<ObjectProfile> ObjectChoice { get; }

    public WeightedChoice<SourceProfile> SourceChoice(ObjectProfile objectType, bool eu) => _sources[objectType.Index, eu ? 1 : 0];

    /// <summary>Reactive items (reports, notices) go to the queue with the tightest SLA, others to the widest.</summary>
    public Queue QueueFor(MarketProfile market, ObjectProfile objectType, bool reactive)
    {
        var pair = _queues[market.Index, objectType.Index];
        return reactive ? pair.Reactive : pair.Proactive;
    }

    public static double AutomationProbability(MarketProfile m, ObjectProfile o, PolicyProfile p, SourceProfile s) =>
        1.0 / (1.0 + Math.Exp(-(m.AutomationLogit + o.AutomationOffset + p.AutomationOffset + s.AutomationOffset)));

    public static SimulationProfile Create(ReferenceData reference)
    {
        var sites = SiteTable.Rows.Select((row, i) => new SiteProfile(
            Find(reference.Sites, s => s.SiteId == row.SiteId, "site", row.SiteId), i, row.ErrorMultiplier, row.HourlyCost, row.TargetUph)).ToArray();
        var siteById = sites.ToDictionary(s => s.Id, StringComparer.Ordinal);

        var totalWeight = MarketTable.Rows.Sum(r => r.Weight);
        var markets = MarketTable.Rows.Select((row, i) =>
        {
            var market = Find(reference.Markets, m => m.Code == row.Code, "market", row.Code);
            var routing = row.Routing.Select(r => (siteById.TryGetValue(r.Site, out var s) ? s
                : throw new InvalidOperationException($"Market {row.Code} routes to site '{r.Site}', which is not in SiteTable."), r.Share)).ToArray();
            return new MarketProfile(market, i, row.Weight / totalWeight, Math.Log(row.AutomationBase / (1 - row.AutomationBase)),
                row.SlaZ, routing, TimeZoneInfo.FindSystemTimeZoneById(market.TimeZone));
        }).ToArray();

        var policies = PolicyTable.Rows.ToDictionary(
            row => row.PolicyId,
            row =>
            {
                var policy = Find(reference.Policies, p => p.PolicyId == row.PolicyId, "policy", row.PolicyId);
                return policy.IsLeaf
                    ? new PolicyProfile(policy, row.Enforce, row.AutomationOffset, row.Difficulty, row.AppealRate)
                    : throw new InvalidOperationException($"Policy '{row.PolicyId}' in PolicyTable is a parent; decisions use leaf policies only.");
            },
            StringComparer.Ordinal);

        var objects = ObjectTable.Rows.Select((row, i) => new ObjectProfile(
            i,
            row.ObjectType, IdPrefix(row.ObjectType), row.Weight, row.AutomationOffset, row.HandlingMedianSeconds,
            row.UserReportShare, row.ReopenShare, row.EnforceFactor,
            new WeightedChoice<string>(row.Verdicts),
            new WeightedChoice<PolicyProfile>(row.Policies.Select(p => (policies.TryGetValue(p.PolicyId, out var profile) ? profile
                : throw new InvalidOperationException($"Object type {row.ObjectType} uses policy '{p.PolicyId}', which is not in PolicyTable."), p.Weight))))).ToArray();

        return new SimulationProfile(markets, sites, objects, QueueIndex(reference, markets, objects));
    }

    private static (Queue, Queue)[,] QueueIndex(ReferenceData reference, MarketProfile[] markets, ObjectProfile[] objects)
    {
        var index = new (Queue, Queue)[markets.Length, objects.Length];
        foreach (var m in markets)
        {
            foreach (var o in objects)
            {
                var candidates = reference.Queues
                    .Where(q => q.Market == m.Code && q.ObjectType == o.ObjectType)
                    .OrderBy(q => q.SlaHours).ThenBy(q => q.QueueId, StringComparer.Ordinal).ToArray();
                if (candidates.Length == 0)
                {
                    throw new InvalidOperationException($"Reference data has no queue for market {m.Code} and object type {o.ObjectType}.");
                }

                index[m.Index, o.Index] = (candidates[^1], candidates[0]);
            }
        }

        return index;
    }

    private static T Find<T>(IEnumerable<T> items, Func<T, bool> match, string what, string code) =>
        items.FirstOrDefault(match) ?? throw new InvalidOperationException($"The generator's tables name {what} '{code}', which is not in the reference data.");

    private static string IdPrefix(string objectType) => objectType switch
    {
        "listing" => "L",
        "product" => "P",
        "seller" => "S",
        "shop" => "SH",
        "livestream" => "LV",
        "short_video" => "V",
        "review" => "R",
        "ad" => "AD",
        _ => "O",
    };
}
