using MathNet.Numerics.Distributions;

namespace ModScope.Monitor.Explanation;

/// <summary>
/// Root cause for a sampled proportion (a QA rate). A cube over several dimensions leaves a handful of audits per leaf,
/// and no leaf stands out of that noise; but each single dimension value holds enough audits to be tested. So each value
/// is tested against its own baseline at its effective sample size (<see cref="SegmentRates.Z"/>), Bonferroni-corrected
/// for the number of values tested; the values whose rate moved significantly the way the total moved are ranked by
/// their explanatory power, their share of the total's change (Adtributor: Bhagwan et al., NSDI 2014, §3). A value is
/// then narrowed by a value of a second dimension that holds at most half its weight and either carries most of its
/// change or leaves a rest without a significant change (the change is concentrated there, not merely present), and a
/// value a narrower cause already explains is dropped.
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

    /// <summary>
    /// The single values (of any dimension) whose rate moved significantly in the direction of the total's change and that
    /// explain at least <see cref="MinExplanatoryPower"/> of it, most explanatory first; a value holding the same rows as
    /// one before it (site=(none) is decided_by=automated) is left out.
    /// </summary>
    public static IReadOnlyList<SegmentRates> Candidates(SegmentRates total, IReadOnlyList<SegmentRates> singles)
    {
        ArgumentNullException.ThrowIfNull(total);
        ArgumentNullException.ThrowIfNull(singles);
        var change = total.Excess;
        if (!(Math.Abs(change) > 0))
        {
            return [];
        }
        var sign = Math.Sign(change);
        var critical = Critical(singles.Count);
        var ranked = singles.Where(s => sign * s.Z >= critical && sign * s.Excess / Math.Abs(change) >= MinExplanatoryPower)
            .OrderByDescending(s => sign * s.Excess);
        var kept = new List<SegmentRates>();
        // A value that holds the whole segment (site=(none) within decided_by=automated) is another name for it, not a cause.
        foreach (var candidate in ranked.Where(c => !SameRows(c, total) && !kept.Any(k => SameRows(k, c))))
        {
            kept.Add(candidate);
        }
        return kept;
    }

    /// <summary>
    /// The narrower segment (<paramref name="parent"/> and one more value) that concentrates the parent's change, or null
    /// when none does: significant among <paramref name="children"/>, on at most <see cref="NarrowWeight"/> of the
    /// parent's weight, and either carrying at least <see cref="NarrowShare"/> of the parent's change or leaving a rest of
    /// the parent whose own change is not significant (the child is all the evidence there is; the rest's share of the
    /// change is then noise, however large).
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
            .Where(c => sign * c.Z >= critical && sign * c.Excess > 0 && c.Denominator <= NarrowWeight * parent.Denominator
                        && (sign * c.Excess >= NarrowShare * sign * parent.Excess || sign * Rest(parent, c).Z < critical))
            .OrderByDescending(c => sign * c.Excess)
            .FirstOrDefault();
    }

    /// <summary>
    /// The causes in order of explanatory power, without the ones a narrower cause in the list already explains
    /// (its conjunction contains theirs and it carries at least <see cref="NarrowShare"/> of their change), nor repeats:
    /// the same conjunction, or another name for the same rows (the same counts now and before, such as site=(none)
    /// and decided_by=automated).
    /// </summary>
    public static IReadOnlyList<SegmentRates> Distinct(IReadOnlyList<SegmentRates> causes)
    {
        ArgumentNullException.ThrowIfNull(causes);
        var kept = new List<SegmentRates>();
        foreach (var cause in causes.OrderByDescending(c => Math.Abs(c.Excess)))
        {
            var subsumed = causes.Any(n => n.Conjunction.Count > cause.Conjunction.Count && Includes(n, cause)
                                           && Math.Abs(n.Excess) >= NarrowShare * Math.Abs(cause.Excess));
            if (!subsumed && !kept.Any(k => (k.Conjunction.Count == cause.Conjunction.Count && Includes(k, cause)) || SameRows(k, cause)))
            {
                kept.Add(cause);
            }
        }
        return kept;
    }

    /// <summary>The same counts now and before, to rounding (weighted sums are added in no fixed order).</summary>
    private static bool SameRows(SegmentRates a, SegmentRates b) =>
        Close(a.Numerator, b.Numerator) && Close(a.Denominator, b.Denominator) && Close(a.Trials, b.Trials)
        && Close(a.BaselineNumerator, b.BaselineNumerator) && Close(a.BaselineDenominator, b.BaselineDenominator);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));

    /// <summary>
    /// The parent without the child. Effective sizes are taken as additive, which holds for unweighted audits and is
    /// close when the child's weights are like the rest's.
    /// </summary>
    private static SegmentRates Rest(SegmentRates parent, SegmentRates child) => parent with
    {
        Numerator = Math.Max(0.0, parent.Numerator - child.Numerator),
        Denominator = Math.Max(0.0, parent.Denominator - child.Denominator),
        Trials = Math.Max(0.0, parent.Trials - child.Trials),
        BaselineNumerator = Math.Max(0.0, parent.BaselineNumerator - child.BaselineNumerator),
        BaselineDenominator = Math.Max(0.0, parent.BaselineDenominator - child.BaselineDenominator),
        BaselineTrials = Math.Max(0.0, parent.BaselineTrials - child.BaselineTrials),
    };

    /// <summary>Whether <paramref name="segment"/>'s conjunction holds every value of <paramref name="of"/>'s.</summary>
    private static bool Includes(SegmentRates segment, SegmentRates of) =>
        of.Conjunction.All(p => segment.Conjunction.TryGetValue(p.Key, out var v) && v == p.Value);
}
