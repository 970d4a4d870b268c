using MathNet.Numerics.Distributions;

namespace ModScope.Planning.Opportunities;

/// <summary>
/// Units handling items far slower than their peers on the same mix. A unit's expected handling seconds are, stratum
/// by stratum, its decisions times the mean of its peers' decisions in that stratum (the unit itself left out), so a
/// moderator on video is compared with video. The excess O − E is tested against its standard error √Σ n_k·s_k², s_k²
/// the peers' variance in the stratum, at a Bonferroni-corrected level over all units tested (the family-wise rate
/// of the settings); a unit at least the excess setting over its expectation and significant is an outlier, worth its
/// excess handling hours a week in scheduled hours at the targets and its hourly cost.
/// </summary>
public static class HandlingOutliers
{
    public static IReadOnlyList<Opportunity> Find(IReadOnlyList<HandlingUnit> units, OpportunitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var tested = units.Where(u => u.Strata.Sum(s => s.Decisions) >= settings.MinimumDecisions && u.Weeks > 0).ToArray();
        if (tested.Length == 0)
        {
            return [];
        }

        var critical = Normal.InvCDF(0.0, 1.0, 1.0 - (settings.HandlingAlpha / tested.Length));
        var z = Normal.InvCDF(0.0, 1.0, 1.0 - ((1.0 - settings.Confidence) / 2.0));
        var groups = units.GroupBy(u => u.PeerGroup, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var found = new List<Opportunity>();
        foreach (var unit in tested)
        {
            var peers = groups[unit.PeerGroup].Where(p => !ReferenceEquals(p, unit)).ToArray();
            var (observed, expected, variance, covered) = Compare(unit, peers);
            if (expected <= 0 || variance <= 0 || covered < settings.MinimumDecisions)
            {
                continue;
            }

            var excess = observed - expected;
            var score = excess / Math.Sqrt(variance);
            if (observed / expected < 1.0 + settings.HandlingExcess || score < critical)
            {
                continue;
            }

            var hours = excess / 3600.0 / unit.Weeks;
            var spread = z * Math.Sqrt(variance) / 3600.0 / unit.Weeks;
            var scheduled = hours * settings.Targets.ScheduledPerHandlingHour;
            found.Add(new Opportunity(
                OpportunityKind.HandlingTime,
                unit.Subject,
                new OpportunitySize(hours, Math.Max(0.0, hours - spread), hours + spread, SizeUnit.HandlingHours),
                scheduled,
                scheduled * unit.HourlyCost,
                [
                    new Evidence("aht_seconds", observed / covered),
                    new Evidence("expected_aht_seconds", expected / covered),
                    new Evidence("slower_by", (observed / expected) - 1.0),
                    new Evidence("z", score),
                    new Evidence("decisions_per_week", covered / unit.Weeks),
                    new Evidence("peers", peers.Length),
                    new Evidence("hourly_cost", unit.HourlyCost),
                ]));
        }

        return OpportunityRanking.Rank(found);
    }

    /// <summary>Observed and expected handling seconds over the strata the peers also worked, the excess's variance, and the decisions compared.</summary>
    private static (double Observed, double Expected, double Variance, double Decisions) Compare(HandlingUnit unit, HandlingUnit[] peers)
    {
        var pooled = peers.SelectMany(p => p.Strata).GroupBy(s => s.Stratum, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (N: g.Sum(s => s.Decisions), Sum: g.Sum(s => s.HandlingSeconds), Squares: g.Sum(s => s.SquaredSeconds)), StringComparer.Ordinal);
        var (observed, expected, variance, decisions) = (0.0, 0.0, 0.0, 0.0);
        foreach (var stratum in unit.Strata)
        {
            if (!pooled.TryGetValue(stratum.Stratum, out var peer) || peer.N < 2 || stratum.Decisions <= 0)
            {
                continue;
            }

            var mean = peer.Sum / peer.N;
            var peerVariance = Math.Max(0.0, (peer.Squares - (peer.N * mean * mean)) / (peer.N - 1));
            observed += stratum.HandlingSeconds;
            expected += stratum.Decisions * mean;
            variance += stratum.Decisions * peerVariance;
            decisions += stratum.Decisions;
        }

        return (observed, expected, variance, decisions);
    }
}
