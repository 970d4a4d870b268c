namespace ModScope.Synthetic;

/// <summary>
/// Places incidents deterministically from the seed in the second half of the range, in two lanes whose
/// incidents never overlap (nor touch: each is followed by a few quiet cool-down days):
/// quality (fp_spike, model_drift) and volume/time (tat_surge, mix_shift, missing_site_day,
/// duplicate_redelivery). Lanes may overlap each other because they move different metrics. The
/// quality lane ends five days before the end so that audits and appeals of the window are in the data.
/// Model drift lasts at least five days so that the fixed-size QA sample catches enough of it.
/// Windows avoid the 11.11 peak. When the range is short, windows shrink to their minimum length and
/// then the lowest-priority incidents are left out.
/// </summary>
internal static class IncidentPlanner
{
    private sealed record Slot(string Kind, int MinLength, int MaxLength, int CoolDown);

    private static readonly Slot[] QualityLane = [new(IncidentKinds.FpSpike, 3, 7, 2), new(IncidentKinds.ModelDrift, 5, 7, 2)];

    private static readonly Slot[] VolumeLane =
    [
        new(IncidentKinds.TatSurge, 3, 7, 4), new(IncidentKinds.MixShift, 3, 7, 2),
        new(IncidentKinds.MissingSiteDay, 1, 1, 2), new(IncidentKinds.DuplicateRedelivery, 1, 1, 1),
    ];

    public static IncidentPlan Plan(GeneratorOptions options, SimulationProfile profile, ProfileExpectations expected, SimCalendar calendar)
    {
        if (!options.Incidents)
        {
            return IncidentPlan.None;
        }

        var rng = SeedMixer.Random(options.Seed, SeedMixer.Stream.Incidents);
        var targets = IncidentTargets.Choose(rng, profile, expected);
        var windows = new List<(string Kind, int Start, int End)>();
        windows.AddRange(PlaceLane(rng, QualityLane, calendar, calendar.Days / 2, calendar.Days - 5));
        windows.AddRange(PlaceLane(rng, VolumeLane, calendar, calendar.Days / 2, calendar.Days - 3));
        var placed = windows
            .Select(w => new PlacedIncident(w.Kind, w.Start, w.End, targets.TargetOf(w.Kind), w.Kind == IncidentKinds.TatSurge ? targets.TatFactor : 1.0))
            .OrderBy(p => p.StartDay).ThenBy(p => p.Kind, StringComparer.Ordinal)
            .ToArray();
        return new IncidentPlan(placed);
    }

    private static List<(string Kind, int Start, int End)> PlaceLane(Random rng, Slot[] lane, SimCalendar calendar, int low, int high)
    {
        var (from, to) = LongestRunWithoutPeak(calendar, low, high);
        var available = to - from + 1;
        var chosen = lane.Select(s => (Slot: s, Length: rng.Next(s.MinLength, s.MaxLength + 1))).ToList();
        rng.ShuffleInPlace(chosen);
        while (chosen.Count > 0 && Needed(chosen) > available)
        {
            var longest = chosen.Select((c, i) => (c, i)).Where(x => x.c.Length > x.c.Slot.MinLength)
                .OrderByDescending(x => x.c.Length).Select(x => x.i).DefaultIfEmpty(-1).First();
            if (longest >= 0)
            {
                chosen[longest] = (chosen[longest].Slot, chosen[longest].Length - 1);
            }
            else
            {
                chosen.Remove(chosen.OrderBy(c => Array.IndexOf(lane, c.Slot)).Last());
            }
        }

        var result = new List<(string, int, int)>();
        if (chosen.Count == 0)
        {
            return result;
        }

        var gaps = SplitSlack(rng, available - Needed(chosen), chosen.Count);
        var day = from;
        for (var i = 0; i < chosen.Count; i++)
        {
            day += gaps[i];
            result.Add((chosen[i].Slot.Kind, day, day + chosen[i].Length - 1));
            day += chosen[i].Length + chosen[i].Slot.CoolDown;
        }

        return result;
    }

    private static int Needed(List<(Slot Slot, int Length)> chosen) =>
        chosen.Sum(c => c.Length + c.Slot.CoolDown) - chosen[^1].Slot.CoolDown;

    /// <summary>Random split of the spare days into a gap before each incident (the rest goes after the last).</summary>
    private static int[] SplitSlack(Random rng, int slack, int count)
    {
        var cuts = Enumerable.Range(0, count).Select(_ => rng.Next(slack + 1)).Order().ToArray();
        var gaps = new int[count];
        var previous = 0;
        for (var i = 0; i < count; i++)
        {
            gaps[i] = cuts[i] - previous;
            previous = cuts[i];
        }

        return gaps;
    }

    private static (int From, int To) LongestRunWithoutPeak(SimCalendar calendar, int low, int high)
    {
        var best = (From: 0, To: -1);
        var runStart = low;
        for (var day = low; day <= high + 1; day++)
        {
            if (day > high || calendar.IsPeak(day))
            {
                if (day - 1 - runStart > best.To - best.From)
                {
                    best = (runStart, day - 1);
                }

                runStart = day + 1;
            }
        }

        return best;
    }
}
