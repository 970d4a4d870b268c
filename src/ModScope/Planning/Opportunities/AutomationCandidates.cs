using MathNet.Numerics.Distributions;

namespace ModScope.Planning.Opportunities;

/// <summary>
/// Slices where automated decisions are at least as accurate as human ones: a non-inferiority test on the difference
/// of the two QA accuracies, automated − human, with the Agresti–Caffo adjustment (one success and one failure added to
/// each side's effective audits; Agresti and Caffo 2000), admitted when the one-sided lower confidence bound exceeds
/// −margin. Each admitted slice is worth its human handling hours a week (the decisions automation would take over),
/// in scheduled hours at the targets and money at its moderators' cost. The accuracy test only admits a slice; the
/// size's interval is the Poisson spread of a week's human volume (±z·√N decisions at the mean handling time).
/// </summary>
public static class AutomationCandidates
{
    public static IReadOnlyList<Opportunity> Find(IReadOnlyList<AutomationCell> cells, OpportunitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var oneSided = Normal.InvCDF(0.0, 1.0, settings.Confidence);
        var twoSided = Normal.InvCDF(0.0, 1.0, 1.0 - ((1.0 - settings.Confidence) / 2.0));
        var found = new List<Opportunity>();
        foreach (var cell in cells)
        {
            if (cell.Human is not { } human || cell.Automated is not { } automated
                || human.EffectiveAudits < settings.MinimumAudits || automated.EffectiveAudits < settings.MinimumAudits)
            {
                continue;
            }

            var (pa, sa) = Adjusted(automated);
            var (ph, sh) = Adjusted(human);
            var difference = pa - ph;
            var lower = difference - (oneSided * Math.Sqrt((sa * sa) + (sh * sh)));
            var handlingHours = cell.HumanDecisionsPerWeek * cell.HandlingSeconds / 3600.0;
            if (lower < -settings.AutomationMargin || handlingHours < settings.MinimumHumanHours)
            {
                continue;
            }

            var spread = twoSided * Math.Sqrt(cell.HumanDecisionsPerWeek) * cell.HandlingSeconds / 3600.0;
            var scheduled = handlingHours * settings.Targets.ScheduledPerHandlingHour;
            found.Add(new Opportunity(
                OpportunityKind.Automation,
                cell.Subject,
                new OpportunitySize(handlingHours, Math.Max(0.0, handlingHours - spread), handlingHours + spread, SizeUnit.HandlingHours),
                scheduled,
                scheduled * cell.HourlyCost,
                [
                    new Evidence("human_decisions_per_week", cell.HumanDecisionsPerWeek),
                    new Evidence("aht_seconds", cell.HandlingSeconds),
                    new Evidence("automation_rate", cell.AutomationRate),
                    new Evidence("automated_accuracy", automated.Value),
                    new Evidence("human_accuracy", human.Value),
                    new Evidence("automated_audits", automated.EffectiveAudits),
                    new Evidence("human_audits", human.EffectiveAudits),
                    new Evidence("difference_lower_bound", lower),
                    new Evidence("hourly_cost", cell.HourlyCost),
                ]));
        }

        return OpportunityRanking.Rank(found);
    }

    /// <summary>Agresti–Caffo: p̃ = (x + 1)/(n + 2), its standard error √(p̃(1 − p̃)/(n + 2)).</summary>
    private static (double P, double Se) Adjusted(AccuracyEstimate estimate)
    {
        var n = estimate.EffectiveAudits;
        var p = ((Math.Clamp(estimate.Value, 0.0, 1.0) * n) + 1.0) / (n + 2.0);
        return (p, Math.Sqrt(p * (1.0 - p) / (n + 2.0)));
    }
}
