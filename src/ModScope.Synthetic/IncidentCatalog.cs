using System.Globalization;

namespace ModScope.Synthetic;

/// <summary>Turns placed incidents into their published ground truth: effects, segment and description.</summary>
internal static class IncidentCatalog
{
    public static IReadOnlyList<Incident> Describe(IncidentPlan plan, SimCalendar calendar, string extension) =>
        plan.Placed.Select((p, i) => Describe(p, i + 1, calendar, extension)).ToArray();

    private static Incident Describe(PlacedIncident p, int number, SimCalendar calendar, string extension)
    {
        var start = calendar.DateOf(p.StartDay);
        var (effects, segment, description, consequences) = p.Kind switch
        {
            IncidentKinds.FpSpike => (
                Effects((MetricIds.OverEnforcementRate, MetricIds.Up), (MetricIds.QaAccuracy, MetricIds.Down)),
                Segment(("site", p.Target)),
                $"Over-enforcement at site {p.Target}: moderators enforce acceptable items, so false positives among audited enforcements rise from about 3% to about 20%; appeals against the site's decisions are overturned more often.",
                // The flipped items are enforced instead of approved.
                Effects((MetricIds.EnforcementRate, MetricIds.Up))),
            IncidentKinds.TatSurge => (
                Effects((MetricIds.TatP50Hours, MetricIds.Up), (MetricIds.TatP90Hours, MetricIds.Up), (MetricIds.SlaAttainment, MetricIds.Down), (MetricIds.BacklogEndOfPeriod, MetricIds.Up)),
                Segment(("market", p.Target)),
                string.Create(CultureInfo.InvariantCulture, $"Review backlog in market {p.Target}: human turnaround time is x{p.Factor:0.0} for items created in the window, so SLA attainment falls and open backlog builds up until it drains after the window."),
                // Decisions of items created in the window are pushed later, so fewer human decisions fall in it and
                // the automated ones, on time, make a larger share.
                Effects((MetricIds.HumanDecisionVolume, MetricIds.Down), (MetricIds.AutomationRate, MetricIds.Up))),
            IncidentKinds.ModelDrift => (
                Effects((MetricIds.UnderEnforcementRate, MetricIds.Up), (MetricIds.QaAccuracy, MetricIds.Down)),
                Segment(("policy_id", p.Target), ("decided_by", "automated")),
                $"Model drift for policy {p.Target}: automated decisions approve many items they should have enforced, so under-enforcement (false negatives) rises and QA accuracy falls for automated {p.Target} decisions.",
                // The missed items are approved instead of enforced, and automated enforcements are the proactive ones.
                Effects((MetricIds.EnforcementRate, MetricIds.Down), (MetricIds.ProactiveDetectionRate, MetricIds.Down))),
            IncidentKinds.MixShift => (
                Effects((MetricIds.AutomationRate, MetricIds.Down), (MetricIds.DecisionVolume, MetricIds.Up)),
                Segment(("market", p.Target)),
                string.Create(CultureInfo.InvariantCulture, $"Volume shifts toward market {p.Target} (its decisions x{IncidentPlan.MixShiftFactor:0.0}, other markets unchanged). Every per-segment rate is unchanged; the total automation rate falls only because {p.Target} is less automated than average (a mix effect)."),
                // The market's human decisions, open items and audited items grow with its volume.
                Effects((MetricIds.HumanDecisionVolume, MetricIds.Up), (MetricIds.BacklogEndOfPeriod, MetricIds.Up), (MetricIds.QaAuditVolume, MetricIds.Up))),
            IncidentKinds.MissingSiteDay => (
                Effects((MetricIds.DecisionVolume, MetricIds.Down), (MetricIds.HumanDecisionVolume, MetricIds.Down)),
                Segment(("site", p.Target)),
                $"Site {p.Target} delivered no decisions and no staffing for {Iso(start)}: a data gap, not a drop in work.",
                // Only human decisions go missing, so the site's market looks more automated.
                Effects((MetricIds.AutomationRate, MetricIds.Up))),
            IncidentKinds.DuplicateRedelivery => (
                Effects((MetricIds.DecisionVolume, MetricIds.Up)),
                Segment(),
                $"The decisions file for {Iso(start)} was delivered twice: decisions-{Iso(start)}-redelivery.{extension} holds the same rows in another order, so counting without de-duplication doubles that day's volume.",
                Effects()),
            _ => throw new InvalidOperationException($"No description for incident kind '{p.Kind}'."),
        };

        return new Incident(
            string.Create(CultureInfo.InvariantCulture, $"INC-{number:00}"),
            p.Kind,
            start,
            calendar.DateOf(p.EndDay),
            effects.Select(e => e.Metric).ToArray(),
            segment,
            effects[0].Direction,
            effects,
            description,
            consequences);
    }

    private static IncidentEffect[] Effects(params (string Metric, string Direction)[] effects) =>
        effects.Select(e => new IncidentEffect(e.Metric, e.Direction)).ToArray();

    private static SortedDictionary<string, string> Segment(params (string Column, string Value)[] pairs)
    {
        var segment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, value) in pairs)
        {
            segment[column] = value;
        }

        return segment;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
