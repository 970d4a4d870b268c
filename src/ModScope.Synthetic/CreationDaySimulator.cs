namespace ModScope.Synthetic;

/// <summary>
/// Creates all items that enter review on one UTC day: per-market counts from the volume model, creation
/// times following each market's local hour-of-day curve, then ids in creation order.
/// </summary>
internal sealed class CreationDaySimulator(int seed, SimulationProfile profile, VolumeModel volume, DecisionFactory factory, SimCalendar calendar)
{
    /// <summary>Relative activity by local hour 0..23: quiet at night, peaking in the evening.</summary>
    private static readonly double[] LocalHourCurve =
    [
        0.45, 0.30, 0.22, 0.18, 0.18, 0.25, 0.40, 0.60, 0.80, 0.95, 1.05, 1.10,
        1.10, 1.05, 1.00, 1.00, 1.05, 1.10, 1.20, 1.35, 1.50, 1.50, 1.30, 0.85,
    ];

    private const double DailyNoiseSigma = 0.03;

    public IReadOnlyList<SimDecision> Create(int day)
    {
        var rng = SeedMixer.Random(seed, SeedMixer.Stream.Create, day);
        var dayStart = calendar.DayStartUtc(day);
        var created = new List<SimDecision>();
        foreach (var market in profile.Markets)
        {
            var count = (int)Math.Round(volume.Expected(market, day) * Math.Exp(DailyNoiseSigma * rng.Normal()));
            var hours = HourChoice(market, dayStart.AddHours(12));
            for (var i = 0; i < count; i++)
            {
                var createdAt = dayStart.AddSeconds((hours.Pick(rng) * 3600) + rng.Next(3600));
                created.Add(factory.Create(rng, market, createdAt, day));
            }
        }

        // Creation order: by time, ties in generation order (keys are unique, so the sort is deterministic).
        var ordered = created.ToArray();
        var keys = new long[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            keys[i] = ((ordered[i].CreatedAt.Ticks - dayStart.Ticks) / TimeSpan.TicksPerSecond << 24) | (long)i;
        }

        Array.Sort(keys, ordered);
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i].Sequence = i + 1;
        }

        return ordered;
    }

    /// <summary>UTC hours of the day weighted by the market's local-time activity curve.</summary>
    private static WeightedChoice<int> HourChoice(MarketProfile market, DateTime noonUtc)
    {
        var offset = (int)Math.Floor(market.TimeZone.GetUtcOffset(noonUtc).TotalHours);
        return new WeightedChoice<int>(Enumerable.Range(0, 24).Select(h => (h, LocalHourCurve[(((h + offset) % 24) + 24) % 24])));
    }
}
