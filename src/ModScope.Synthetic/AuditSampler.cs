using System.Globalization;

namespace ModScope.Synthetic;

/// <summary>
/// Stratified QA sample of one day's decisions. Strata are site (or <c>automated</c>) × enforce/approve,
/// named <c>yyyy-MM-dd|site|enforce</c>; each samples 20-30 decisions (the automated strata, dozens of
/// times larger than a site's, 60-80; a planted over-sampled stratum 3 × 20-30; a planted automation candidate's
/// decisions in each stratum a stratum of their own with at least 12), or all when smaller. Audits happen 1-3 days later (those falling
/// after the end are not in the data); about 5% of sampled decisions get a second audit by another auditor.
/// </summary>
internal sealed class AuditSampler(int seed, SimCalendar calendar, OpportunityPlan opportunities)
{
    private const double DoubleAuditProbability = 0.05;
    private const int AuditorCount = 36;

    public void Sample(int day, IReadOnlyList<SimDecision> decisions, DayBuckets<AuditRow> audits)
    {
        var rng = SeedMixer.Random(seed, SeedMixer.Stream.Audit, day);
        var date = calendar.DateOf(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var strata = new Dictionary<(string Unit, bool Enforce), List<SimDecision>>();
        foreach (var d in decisions)
        {
            var key = (d.Site?.Id ?? "automated", d.IsEnforcement);
            if (!strata.TryGetValue(key, out var members))
            {
                members = [];
                strata[key] = members;
            }

            members.Add(d);
        }

        var ordered = strata
            .Select(s => (Name: $"{date}|{s.Key.Unit}|{(s.Key.Enforce ? "enforce" : "approve")}", Automated: s.Key.Unit == "automated",
                OverSampled: opportunities.IsOverSampled(s.Key.Unit, s.Key.Enforce), Members: s.Value))
            .OrderBy(s => s.Name, StringComparer.Ordinal);
        foreach (var (stratum, automated, overSampled, members) in ordered)
        {
            var target = automated ? rng.Next(60, 81) : rng.Next(20, 31);
            var sample = Draw(rng, members, Math.Min(target, members.Count));
            // A planted over-sampled stratum draws its extra audits from a stream of its own, so every other stratum's
            // sample (and the day's draws after this stratum) is the one the world without the plant has.
            var extra = overSampled ? DrawMore(day, members, sample, (OpportunityPlan.QaOverSampling - 1) * target) : ([], null);
            var sampleSize = sample.Count + extra.Sample.Count;
            var cell = overSampled ? null : CandidateCell(day, members, sample, stratum);
            foreach (var d in sample)
            {
                var (name, population, size) = cell is { } c && c.Contains(d) ? (c.Stratum, c.Population, c.SampleSize)
                    : cell is { } r ? (stratum, members.Count - r.Population, sampleSize - r.Drawn) : (stratum, members.Count, sampleSize);
                AddAudits(rng, day, d, name, population, size, audits);
            }

            foreach (var d in extra.Sample)
            {
                AddAudits(extra.Rng!, day, d, stratum, members.Count, sampleSize, audits);
            }

            foreach (var d in cell?.Extra ?? [])
            {
                AddAudits(cell!.Rng, day, d, cell.Stratum, cell.Population, cell.SampleSize, audits);
            }
        }
    }

    /// <summary>
    /// The planted automation candidate's part of a stratum (automated or a site's; not an over-sampled one),
    /// post-stratified: its members already in the day's sample stay (given their number, a simple random sample of the
    /// cell), up to <see cref="OpportunityPlan.AutomationAudits"/> are added from the cell's rest with a stream of its
    /// own, and the cell becomes a stratum of its own (<c>…|automated|enforce|policy/queue</c>); the rest keeps the
    /// stratum's name with the cell's members and audits taken out, so each audit's weight (population ÷ sample size)
    /// is that of its stratum and no other draw changes. Both sides of the comparison need the audits: a cell's human
    /// decisions are a few a site-day, so the sites' ordinary samples hold a few dozen of them in 28 days. Null when
    /// nothing is planted or the day has no decision of the cell.
    /// </summary>
    private CandidateAudits? CandidateCell(int day, List<SimDecision> members, List<SimDecision> sample, string stratum)
    {
        var cell = members.Where(opportunities.IsCandidate).ToList();
        if (cell.Count == 0)
        {
            return null;
        }

        var drawn = sample.Where(opportunities.IsCandidate).ToHashSet();
        var rng = SeedMixer.Random(seed, SeedMixer.Stream.Opportunities, day, 2 + Ordinal(stratum));
        var rest = cell.Where(d => !drawn.Contains(d)).ToList();
        var extra = Draw(rng, rest, Math.Clamp(OpportunityPlan.AutomationAudits - drawn.Count, 0, rest.Count));
        return new CandidateAudits($"{stratum}|{opportunities.AutomatedPolicy}/{opportunities.AutomatedQueue}", cell.Count, drawn, extra, rng);
    }

    /// <summary>
    /// Up to <paramref name="count"/> more members not already in <paramref name="sample"/>, drawn with the day's own
    /// opportunity stream: a simple random sample of the rest, so with the first it is one of the whole stratum.
    /// </summary>
    private (List<SimDecision> Sample, Random? Rng) DrawMore(int day, List<SimDecision> members, List<SimDecision> sample, int count)
    {
        var rng = SeedMixer.Random(seed, SeedMixer.Stream.Opportunities, day, 1);
        var taken = sample.ToHashSet();
        var rest = members.Where(d => !taken.Contains(d)).ToList();
        return (Draw(rng, rest, Math.Min(count, rest.Count)), rng);
    }

    /// <summary>A stable number for the stratum (its name's FNV-1a hash), so each cell stratum draws from a stream of its own.</summary>
    private static long Ordinal(string stratum)
    {
        var hash = 2166136261u;
        foreach (var c in stratum)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    private void AddAudits(Random rng, int day, SimDecision d, string stratum, int population, int sampleSize, DayBuckets<AuditRow> audits)
    {
        var u = rng.NextDouble();
        var auditDay = day + (u < 0.5 ? 1 : u < 0.85 ? 2 : 3);
        var auditedAt = calendar.DayStartUtc(auditDay).AddSeconds(rng.Next(3600, 22 * 3600));
        var auditor = rng.Next(1, AuditorCount + 1);
        var first = AuditJudge.Truth(rng, d);
        var twice = rng.Chance(DoubleAuditProbability);
        if (auditDay >= calendar.Days)
        {
            return;
        }

        var decisionId = d.Id;
        var idStem = "QA" + decisionId[1..];
        audits.Add(auditDay, Row(idStem + "-1", decisionId, auditor, auditedAt, stratum, population, sampleSize, first));
        if (twice)
        {
            var second = AuditJudge.Second(rng, d, first);
            var secondAuditor = ((auditor - 1 + rng.Next(1, AuditorCount)) % AuditorCount) + 1;
            var secondAt = auditedAt.AddSeconds(rng.Next(1800, 7200));
            audits.Add(auditDay, Row(idStem + "-2", decisionId, secondAuditor, secondAt, stratum, population, sampleSize, second));
        }
    }

    private static AuditRow Row(string id, string decisionId, int auditor, DateTime at, string stratum, int population, int sampleSize, AuditJudgement j) =>
        new(id, decisionId, string.Create(CultureInfo.InvariantCulture, $"QA-a{auditor:000}"), at, stratum, population, sampleSize, j.QaVerdict, j.QaPolicyId, j.ErrorType);

    /// <summary>Simple random sample without replacement (partial Fisher-Yates), kept in decision order.</summary>
    private static List<SimDecision> Draw(Random rng, List<SimDecision> members, int count)
    {
        var indexes = Enumerable.Range(0, members.Count).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = rng.Next(i, indexes.Length);
            (indexes[i], indexes[j]) = (indexes[j], indexes[i]);
        }

        return indexes.Take(count).Order().Select(i => members[i]).ToList();
    }
}
