using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>
/// Appeals against one day's enforcements: filed 0-5 days later at the policy's appeal rate (more often
/// by sellers and, three times as often, against false positives), resolved 1-4 days after filing.
/// False positives are mostly overturned, correct decisions rarely, giving 10-35% overturned overall.
/// Appeals still unresolved at the end of the data set stay open (no resolution, no outcome).
/// </summary>
internal sealed class AppealSimulator(int seed, SimCalendar calendar)
{
    private static readonly string Overturned = Vocabulary.AppealOutcomes[1];
    private static readonly string Upheld = Vocabulary.AppealOutcomes[0];

    public void Simulate(int day, IReadOnlyList<SimDecision> decisions, DayBuckets<AppealRow> appeals)
    {
        var rng = SeedMixer.Random(seed, SeedMixer.Stream.Appeal, day);
        foreach (var d in decisions)
        {
            if (!d.IsEnforcement)
            {
                continue;
            }

            var rate = d.Policy.AppealRate * (d.Verdict == "suspend_seller" ? 1.5 : 1.0) * (d.Error == LatentError.FalsePositive ? 3.0 : 1.0);
            if (!rng.Chance(rate))
            {
                continue;
            }

            var delayHours = Math.Clamp(rng.LogNormal(18, 1.0), 0.2, (5 * 24) - 0.1);
            var filedAt = d.DecidedAt.AddSeconds(Math.Round(delayHours * 3600));
            var resolvedAt = filedAt.AddSeconds(Math.Round(rng.Uniform(24, 96) * 3600));
            var overturn = rng.Chance(d.Error switch
            {
                LatentError.FalsePositive => 0.8,
                LatentError.WrongAction or LatentError.WrongPolicy => 0.3,
                _ => 0.1,
            });
            var filedDay = calendar.DayOf(filedAt);
            if (filedDay >= calendar.Days)
            {
                continue;
            }

            var resolved = resolvedAt < calendar.EndUtc;
            var decisionId = d.Id;
            appeals.Add(filedDay, new AppealRow(
                "AP" + decisionId[1..],
                decisionId,
                filedAt,
                resolved ? resolvedAt : null,
                resolved ? (overturn ? Overturned : Upheld) : null));
        }
    }
}
