namespace ModScope.Explain;

/// <summary>
/// Greedy search for the conjunctions that moved, over the evidence of <see cref="CandidateEvidence"/>. Too general a
/// conjunction also holds normal leaves, each of which counts against it; too specific a one leaves out moved leaves:
/// the right granularity scores best. Each round takes the candidate with the most evidence (the shortest among
/// near-ties, Occam) if its evidence beats the odds against naming one conjunction among all M of the cube with the
/// required confidence p, ln M + ln(p/(1 − p)). If a part of it that did not move holds more than UnmovedShare of its
/// size and one more dimension separates that part, the parts that moved are named instead (a cause is a conjunction
/// that moved, not one that mostly did). The chosen leaves that moved its way or not at all are then explained and
/// leave every other candidate's sums, so the search stops once what is left is noise. Leaves of a chosen cause that
/// moved the other way stay, so a cause of the opposite direction nested in it can still be found.
/// </summary>
internal sealed class CauseSearch
{
    private readonly CubeIndex _index;
    private readonly LeafScreen _screen;
    private readonly RootCauseSettings _settings;
    private readonly CandidateEvidence _evidence;
    /// <summary>Per leaf: not yet explained by a chosen cause (and informative).</summary>
    private readonly bool[] _open;

    public CauseSearch(CubeIndex index, LeafScreen screen, RootCauseSettings settings)
    {
        (_index, _screen, _settings) = (index, screen, settings);
        Threshold = Math.Log(Math.Max(2, index.GroupCount) / (1 - settings.Confidence)) + Math.Log(settings.Confidence);
        _evidence = new CandidateEvidence(index, screen, Threshold);
        _open = (bool[])screen.Informative.Clone();
    }

    /// <summary>The evidence a cause needs: ln M + ln(p/(1 − p)), M being every conjunction of the cube up to the search depth.</summary>
    public double Threshold { get; }

    /// <summary>The chosen causes in the order chosen.</summary>
    public IReadOnlyList<Selection> Run()
    {
        var chosen = new List<Selection>();
        while (chosen.Count < _settings.MaxCauses && Pick(chosen) is { } best)
        {
            foreach (var part in Refine(best.Candidate, best.Direction).Take(_settings.MaxCauses - chosen.Count))
            {
                chosen.Add(Explain(part, best.Direction));
            }
        }
        return FoldSubCauses(chosen);
    }

    private Cuboid CuboidOf(int candidate) => _index.CuboidOfGroup(_evidence.Group[candidate]);

    /// <summary>
    /// The candidate with the most evidence beyond the threshold, either way; among those within OccamTolerance of it,
    /// the shortest (then the strongest). Null when none clears the threshold.
    /// </summary>
    private (int Candidate, int Direction, double Evidence)? Pick(List<Selection> chosen)
    {
        var best = double.NegativeInfinity;
        for (var c = 0; c < _evidence.Group.Length; c++)
        {
            best = Math.Max(best, _evidence.Of(c).Evidence);
        }
        if (!(best > Threshold))
        {
            return null;
        }
        var floor = Math.Max(Threshold, best - (_settings.OccamTolerance * Math.Abs(best)));
        (int Candidate, int Direction, double Evidence)? pick = null;
        for (var c = 0; c < _evidence.Group.Length; c++)
        {
            var (evidence, direction) = _evidence.Of(c);
            if (evidence < floor || chosen.Exists(s => s.Group == _evidence.Group[c] && s.Direction == direction))
            {
                continue;
            }
            if (pick is not { } p || Before(c, evidence, p.Candidate, p.Evidence))
            {
                pick = (c, direction, evidence);
            }
        }
        return pick;
    }

    /// <summary>
    /// Whether candidate <paramref name="c"/> goes before <paramref name="other"/> among the near-ties: the shorter; at
    /// the same depth the stronger; between aliases (the same evidence, so the same leaves under two names) the one
    /// that names no missing value.
    /// </summary>
    private bool Before(int c, double evidence, int other, double otherEvidence)
    {
        var (depth, otherDepth) = (CuboidOf(c).Depth, CuboidOf(other).Depth);
        if (depth != otherDepth)
        {
            return depth < otherDepth;
        }
        if (Math.Abs(evidence - otherEvidence) > AliasTolerance * Math.Max(1, Math.Abs(evidence)))
        {
            return evidence > otherEvidence;
        }
        return NamesMissing(other) && !NamesMissing(c);
    }

    /// <summary>Relative difference below which two candidates' evidence is the same sum added in another order.</summary>
    private const double AliasTolerance = 1e-9;

    private bool NamesMissing(int candidate) =>
        _settings.MissingValue is { } missing && _index.Conjunction(_evidence.Group[candidate]).Values.Contains(missing, StringComparer.Ordinal);

    /// <summary>
    /// The candidate, or, when one more dimension separates a part of it that did not move (leaves that say they moved
    /// neither way, in parts without evidence its way) and holds more than UnmovedShare of its open size, the parts that moved, each refined in turn; provided every moving part
    /// clears the threshold on its own. Of several such dimensions, the one that separates the largest unmoved part.
    /// </summary>
    private List<int> Refine(int candidate, int direction)
    {
        var cuboid = CuboidOf(candidate);
        var leaves = Leaves(candidate);
        var size = leaves.Where(e => _open[e]).Sum(Size);
        var (bestUnmoved, bestParts) = (_settings.UnmovedShare * size, (HashSet<int>?)null);
        for (var d = 0; d < _index.Dimensions.Count; d++)
        {
            var finer = (cuboid.Mask & (1 << d)) == 0 ? _index.CuboidWithMask(cuboid.Mask | (1 << d)) : -1;
            if (finer < 0)
            {
                continue;
            }
            var parts = leaves.Select(e => _evidence.Member(finer, e)).Where(c => c >= 0).Distinct().Where(c => _evidence.For(c, direction) > 0).ToHashSet();
            // Leaves an earlier cause explained, or that moved the other way, are neither moved nor unmoved here.
            var unmoved = leaves.Where(e => Unmoved(e) && !parts.Contains(_evidence.Member(finer, e))).Sum(Size);
            if (unmoved > bestUnmoved && parts.Count > 0 && parts.All(c => _evidence.For(c, direction) > Threshold))
            {
                (bestUnmoved, bestParts) = (unmoved, parts);
            }
        }
        return bestParts?.SelectMany(part => Refine(part, direction)).ToList() ?? [candidate];
    }

    private List<int> Leaves(int candidate)
    {
        var group = _evidence.Group[candidate];
        var groupOf = _index.CuboidOfGroup(group).GroupOf;
        var leaves = new List<int>();
        for (var e = _index.FirstLeaf[group]; e < groupOf.Length; e++)
        {
            if (groupOf[e] == group)
            {
                leaves.Add(e);
            }
        }
        return leaves;
    }

    /// <summary>An open leaf that says it moved neither way.</summary>
    private bool Unmoved(int e) => _open[e] && _screen.Up[e] <= 0 && _screen.Down[e] <= 0;

    private double Size(int e) => Math.Max(Math.Abs(_index.Actual[e]), Math.Abs(_index.Expected[e]));

    /// <summary>
    /// Marks the candidate's leaves as explained, except those that moved against its direction, and takes them out
    /// of every candidate's evidence. Its numbers cover all its leaves; what it explains, the leaves it took.
    /// </summary>
    private Selection Explain(int candidate, int direction)
    {
        var evidence = _evidence.For(candidate, direction);
        var (actual, expected, explained, anomalous) = (0.0, 0.0, 0.0, 0);
        var leaves = Leaves(candidate);
        foreach (var e in leaves)
        {
            (actual, expected) = (actual + _index.Actual[e], expected + _index.Expected[e]);
            anomalous += _screen.Anomalous[e] ? 1 : 0;
            var against = direction > 0 ? _screen.Down[e] : _screen.Up[e];
            if (_open[e] && !(against > 0))
            {
                _open[e] = false;
                explained += Math.Abs(_index.Actual[e] - _index.Expected[e]);
                _evidence.Close(e, direction);
            }
        }
        return new Selection(_evidence.Group[candidate], direction, evidence, explained, actual, expected, leaves.Count, anomalous);
    }

    /// <summary>
    /// A cause chosen after one of its own sub-causes of the same direction (the sub-cause looked best first and the
    /// rest of the cause followed) absorbs it: the sub-cause is dropped and its explained change counted in the cause's.
    /// </summary>
    private List<Selection> FoldSubCauses(List<Selection> chosen)
    {
        var kept = new List<Selection>();
        for (var i = chosen.Count - 1; i >= 0; i--)
        {
            var into = kept.FindIndex(k => k.Direction == chosen[i].Direction && _index.Within(chosen[i].Group, k.Group));
            if (into >= 0)
            {
                kept[into] = kept[into] with { Explained = kept[into].Explained + chosen[i].Explained };
            }
            else
            {
                kept.Add(chosen[i]);
            }
        }
        kept.Reverse();
        return kept;
    }
}
