using MathNet.Numerics.Distributions;
using ModScope.Stats;

namespace ModScope.Planning.Opportunities;

/// <summary>
/// QA designs that would reach the same precision with fewer audits under Neyman allocation (Neyman 1934;
/// Cochran 1977, 5.5 and 5.25). With W_h = N_h/N and S_h = √(p̃_h(1 − p̃_h)), p̃_h = (x_h + ½)/(n_h + 1) so a stratum
/// without errors keeps some spread, the current variance is V = Σ W_h² S_h²/n_h · (1 − n_h/N_h); Neyman reaches it
/// with n* = (Σ W_h S_h)² / (V + Σ W_h S_h²/N) audits, split n_h ∝ N_h S_h (<see cref="SampleSize.Allocate"/>). At the
/// same cost Neyman's variance would be (Σ W_h S_h)²/n − Σ W_h S_h²/N. A design saving at least the settings' share is an
/// opportunity, worth its saved audits a week at the audit minutes and the auditors' cost. The interval comes from a
/// parametric bootstrap of the strata accuracies (Jeffreys posteriors Beta(x + ½, n − x + ½), 1,000 draws, fixed seed).
/// </summary>
public static class QaReallocation
{
    private const int Draws = 1000;
    private const int Seed = 20_261_111;

    public static IReadOnlyList<Opportunity> Find(IReadOnlyList<QaDomain> domains, OpportunitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var found = new List<Opportunity>();
        foreach (var domain in domains)
        {
            var strata = domain.Strata.Where(s => s.Population > 0 && s.Audits > 0).ToArray();
            if (strata.Length < 2 || domain.Weeks <= 0)
            {
                continue;
            }

            var audits = strata.Sum(s => s.Audits);
            var accuracies = strata.Select(s => s.Accuracy).ToArray();
            var (needed, sameCostVariance, currentVariance) = Neyman(strata, accuracies);
            var saved = audits - needed;
            if (saved < settings.QaSaving * audits)
            {
                continue;
            }

            var (low, high) = Bootstrap(strata, settings.Confidence);
            var perWeek = saved / domain.Weeks;
            var hours = perWeek * settings.AuditMinutes / 60.0;
            var allocation = SampleSize.Allocate(
                Math.Max((long)Math.Round(needed), 2L * strata.Length),
                strata.Select((s, i) => new AllocationStratum(s.Name, (long)Math.Round(s.Population), Spread(s, accuracies[i]))).ToArray(),
                AllocationMethod.Neyman);
            var evidence = new List<Evidence>
            {
                new("audits_per_week", audits / domain.Weeks),
                new("neyman_audits_per_week", needed / domain.Weeks),
                new("audits_saved_per_week", perWeek),
                new("variance_ratio_same_cost", sameCostVariance / currentVariance),
            };
            foreach (var (stratum, proposed) in strata.Zip(allocation))
            {
                evidence.Add(new Evidence("stratum_audits_per_week", stratum.Audits / domain.Weeks, About: stratum.Name));
                evidence.Add(new Evidence("stratum_neyman_audits_per_week", proposed.SampleSize / domain.Weeks, About: stratum.Name));
                evidence.Add(new Evidence("stratum_accuracy", stratum.Accuracy, About: stratum.Name));
            }

            found.Add(new Opportunity(
                OpportunityKind.QaSampling,
                domain.Subject,
                new OpportunitySize(perWeek, Math.Max(0.0, low / domain.Weeks), high / domain.Weeks, SizeUnit.Audits),
                hours,
                hours * settings.AuditorHourlyCost,
                evidence));
        }

        return OpportunityRanking.Rank(found);
    }

    /// <summary>Audits Neyman needs for the current variance, Neyman's variance at the current audits, and the current variance.</summary>
    internal static (double Needed, double SameCostVariance, double CurrentVariance) Neyman(IReadOnlyList<QaStratum> strata, IReadOnlyList<double> accuracies)
    {
        var population = strata.Sum(s => s.Population);
        var audits = strata.Sum(s => s.Audits);
        var (sumWs, sumWss, current) = (0.0, 0.0, 0.0);
        for (var h = 0; h < strata.Count; h++)
        {
            var w = strata[h].Population / population;
            var s = Spread(strata[h], accuracies[h]);
            sumWs += w * s;
            sumWss += w * s * s;
            current += w * w * s * s / strata[h].Audits * (1.0 - Math.Min(1.0, strata[h].Audits / strata[h].Population));
        }

        var needed = sumWs * sumWs / (current + (sumWss / population));
        var sameCost = Math.Max(0.0, (sumWs * sumWs / audits) - (sumWss / population));
        return (Math.Min(needed, audits), sameCost, current);
    }

    private static double Spread(QaStratum stratum, double accuracy)
    {
        var x = Math.Clamp(accuracy, 0.0, 1.0) * stratum.Audits;
        var p = (x + 0.5) / (stratum.Audits + 1.0);
        return Math.Sqrt(p * (1.0 - p));
    }

    private static (double Low, double High) Bootstrap(QaStratum[] strata, double confidence)
    {
        var random = new Random(Seed);
        var audits = strata.Sum(s => s.Audits);
        var savings = new double[Draws];
        for (var i = 0; i < Draws; i++)
        {
            var drawn = strata.Select(s =>
            {
                var x = Math.Clamp(s.Accuracy, 0.0, 1.0) * s.Audits;
                return Beta.Sample(random, x + 0.5, s.Audits - x + 0.5);
            }).ToArray();
            savings[i] = audits - Neyman(strata, drawn).Needed;
        }

        Array.Sort(savings);
        var tail = (1.0 - confidence) / 2.0;
        return (savings[(int)Math.Floor(tail * (Draws - 1))], savings[(int)Math.Ceiling((1.0 - tail) * (Draws - 1))]);
    }
}
