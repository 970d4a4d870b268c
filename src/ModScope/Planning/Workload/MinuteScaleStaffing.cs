namespace ModScope.Planning.Workload;

/// <summary>
/// Staffing of a minute-scale queue for one day, hour by hour: each hour's arrivals (the day's volume times the hour's
/// share) get the fewest agents whose Erlang C service level within the SLA reaches the attainment target; the day
/// needs the sum of those agent-hours. With fewer hours than that, each hour keeps the same fraction of its agents
/// (rounded down) and the day's attainment is the arrival-weighted service level; Erlang A gives the share of items
/// that would be gone (stream ended) before review at the required staffing.
/// </summary>
internal static class MinuteScaleStaffing
{
    public static (double AgentHours, double? Abandoned) Required(DemandDay day, IReadOnlyList<double> shares, double slaHours, PlanningTargets targets)
    {
        if (day.Volume <= 0 || day.HandlingSeconds <= 0)
        {
            return (0.0, null);
        }

        var agentHours = 0.0;
        var abandoned = 0.0;
        for (var h = 0; h < shares.Count; h++)
        {
            var arrivals = day.Volume * shares[h];
            var agents = ErlangC.AgentsFor(arrivals, day.HandlingSeconds, slaHours * 3600.0, targets.SlaAttainment);
            agentHours += agents;
            abandoned += arrivals * ErlangA.Measures(agents, arrivals, day.HandlingSeconds, targets.PatienceMinutes * 60.0).Abandoned;
        }

        return (agentHours, abandoned / day.Volume);
    }

    public static double Attainment(DemandDay day, IReadOnlyList<double> shares, double slaHours, PlanningTargets targets, double fraction)
    {
        if (day.Volume <= 0 || day.HandlingSeconds <= 0)
        {
            return 1.0;
        }

        var answered = 0.0;
        for (var h = 0; h < shares.Count; h++)
        {
            var arrivals = day.Volume * shares[h];
            var needed = ErlangC.AgentsFor(arrivals, day.HandlingSeconds, slaHours * 3600.0, targets.SlaAttainment);
            var agents = fraction >= 1.0 ? needed : (int)Math.Floor(needed * fraction);
            answered += arrivals * ErlangC.ServiceLevel(agents, arrivals * day.HandlingSeconds / 3600.0, day.HandlingSeconds, slaHours * 3600.0);
        }

        return answered / day.Volume;
    }
}
