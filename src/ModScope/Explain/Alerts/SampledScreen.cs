using MathNet.Numerics.Distributions;

namespace ModScope.Explain.Alerts;

/// <summary>
/// Root cause for a sampled proportion (a QA rate). A cube over several dimensions leaves a handful of audits per leaf,
/// and no leaf stands out of that noise; but each single dimension value holds enough audits to be tested. So each value
/// is tested against its own baseline at its effective sample size (<see cref="SegmentRates.Z"/>), Bonferroni-corrected
/// for the number of values tested; the values whose rate moved significantly the way the total moved are ranked by
/// their explanatory power, their share of the total's change (Adtributor: Bhagwan et al., NSDI 2014, §3). A value is
/// then narrowed by a value of a second dimension when that one carries most of its change on at most half its weight
/// (the change is concentrated there, not merely present), and a value a narrower cause already explains is dropped.
/// </summary>
internal static class SampledScreen
{
    /// <summary>Family-wise error rate of one screen (over the values tested together).</summary>
    public const double Alpha = 0.05;

    /// <summary>Least share of the total's change a cause must explain (Adtributor's TEP).</summary>
    public const double MinExplanatoryPower = 0.1;

    /// <summary>Share of a value's change a narrower segment must carry to replace it (Adtributor's TEEP).</summary>
    public const double NarrowShare = 2.0 / 3.0;

    /// <summary>Largest part of a value's weight a narrower segment may hold and still count as concentrating its change.</summary>
    public const double NarrowWeight = 0.5;

    /// <summary>The two-sided critical z for <paramref name="tests"/> simultaneous tests at <see cref="Alpha"/> (Bonferroni).</summary>
    public static double Critical(int tests) => Normal.InvCDF(0.0, 1.0, 1.0 - (Alpha / (2.0 * Math.Max(1, tests))));

    /// <summary>The total's change in weighted numerator against its own baseline rate.</summary>
    public static double Change(SegmentRates total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return total.Excess;
    }

    /// <summary>
    /// The single values (of any dimension) whose rate moved significantly in the direction of the total's change and that
    /// explain at least <see cref="MinExplanatoryPower"/> of it, most explanatory first.
    /// </summary>
    public static IReadOnlyList<SegmentRates> Candidates(SegmentRates total, IReadOnlyList<SegmentRates> singles)
    {
        ArgumentNullException.ThrowIfNull(singles);
        var change = Change(total);
        if (!(Math.Abs(change) > 0))
        {
            return [];
        }
        var sign = Math.Sign(change);
        var critical = Critical(singles.Count);
        return singles.Where(s => sign * s.Z >= critical && sign * s.Excess / Math.Abs(change) >= MinExplanatoryPower)
            .OrderByDescending(s => sign * s.Excess)
            .ToList();
    }

    /// <summary>
    /// The narrower segment (<paramref name="parent"/> and one more value) that concentrates the parent's change, or null
    /// when none does: significant among <paramref name="children"/>, at least <see cref="NarrowShare"/> of the parent's
    /// change, on at most <see cref="NarrowWeight"/> of its weight.
    /// </summary>
    public static SegmentRates? Narrow(SegmentRates parent, IReadOnlyList<SegmentRates> children)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(children);
        var sign = Math.Sign(parent.Excess);
        if (sign == 0)
        {
            return null;
        }
        var critical = Critical(children.Count);
        return children
            .Where(c => sign * c.Z >= critical && sign * c.Excess >= NarrowShare * sign * parent.Excess
                        && c.Denominator <= NarrowWeight * parent.Denominator)
            .OrderByDescending(c => sign * c.Excess)
            .FirstOrDefault();
    }

    /// <summary>
    /// The causes in order of explanatory power, without the ones a narrower cause in the list already explains
    /// (its conjunction contains theirs and it carries at least <see cref="NarrowShare"/> of their change), nor repeats.
    /// </summary>
    public static IReadOnlyList<SegmentRates> Distinct(IReadOnlyList<SegmentRates> causes)
    {
        ArgumentNullException.ThrowIfNull(causes);
        var kept = new List<SegmentRates>();
        foreach (var cause in causes.OrderByDescending(c => Math.Abs(c.Excess)))
        {
            var subsumed = causes.Any(n => n.Conjunction.Count > cause.Conjunction.Count && Includes(n, cause)
                                           && Math.Abs(n.Excess) >= NarrowShare * Math.Abs(cause.Excess));
            if (!subsumed && !kept.Any(k => k.Conjunction.Count == cause.Conjunction.Count && Includes(k, cause)))
            {
                kept.Add(cause);
            }
        }
        return kept;
    }

    /// <summary>Whether <paramref name="segment"/>'s conjunction holds every value of <paramref name="of"/>'s.</summary>
    private static bool Includes(SegmentRates segment, SegmentRates of) =>
        of.Conjunction.All(p => segment.Conjunction.TryGetValue(p.Key, out var v) && v == p.Value);
}
