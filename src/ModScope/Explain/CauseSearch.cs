namespace ModScope.Explain;

/// <summary>
/// Greedy search for the conjunctions that moved. A candidate is a conjunction holding an anomalous leaf; its evidence
/// for a move up (or down) is the sum of its leaves' log likelihood ratios (<see cref="ShiftEvidence"/>), counted over
/// the leaves no chosen cause explains yet. Too general a conjunction also holds normal leaves, each of which counts
/// against it; too specific a one leaves out moved leaves: the right granularity scores best (RiskLoc's weighted
/// partition of leaves into normal and abnormal, with weights from the noise). Each round takes the candidate with the
/// most evidence (the shortest among near-ties, Occam), if its evidence beats the prior odds against naming one
/// conjunction among all M of the cube, ln M; its leaves that moved its way or not at all are then explained and
/// leave every other candidate's sums, so the search stops once what is left is noise. Leaves of a chosen cause that
/// moved the other way stay, so a cause of the opposite direction nested in it can still be found.
/// </summary>
internal sealed class CauseSearch
{
    private readonly CubeIndex _index;
    private readonly LeafScreen _screen;
    private readonly RootCauseSettings _settings;
    /// <summary>Per cuboid, per leaf: the candidate the leaf belongs to there, or −1.</summary>
    private readonly int[][] _member;
    /// <summary>Per candidate: its group in the index, and its evidence over the leaves still unexplained.</summary>
    private readonly int[] _group;
    private readonly double[] _up, _down, _pull, _precision;
    /// <summary>Per candidate: the weight of its leaves that a chosen cause explained as a fall (against a rise) or a rise.</summary>
    private readonly double[] _againstUp, _againstDown;
    /// <summary>Per leaf: not yet explained by a chosen cause (and informative).</summary>
    private readonly bool[] _open;

    public CauseSearch(CubeIndex index, LeafScreen screen, RootCauseSettings settings)
    {
        (_index, _screen, _settings) = (index, screen, settings);
        Threshold = Math.Log(Math.Max(2, index.GroupCount) / (1 - settings.Confidence)) + Math.Log(settings.Confidence);
        (_member, _group) = Candidates(index, screen, Threshold);
        (_up, _down) = (new double[_group.Length], new double[_group.Length]);
        (_pull, _precision) = (new double[_group.Length], new double[_group.Length]);
        (_againstUp, _againstDown) = (new double[_group.Length], new double[_group.Length]);
        _open = (bool[])screen.Informative.Clone();
        foreach (var member in _member)
        {
            for (var e = 0; e < member.Length; e++)
            {
                if (member[e] is var c and >= 0)
                {
                    _up[c] += screen.Up[e];
                    _down[c] += screen.Down[e];
                    _pull[c] += screen.Pull[e];
                    _precision[c] += screen.Precision[e];
                }
            }
        }
    }

    /// <summary>ln M: the evidence a candidate needs, M being every conjunction of the cube up to the search depth.</summary>
    public double Threshold { get; }

    /// <summary>The chosen causes in the order chosen.</summary>
    public IReadOnlyList<Selection> Run()
    {
        var chosen = new List<Selection>();
        while (chosen.Count < _settings.MaxCauses && Pick(chosen) is { } best)
        {
            chosen.Add(Explain(best.Candidate, best.Direction, best.Evidence));
        }
        return FoldSubCauses(chosen);
    }

    /// <summary>
    /// Groups holding at least one anomalous leaf, or whose leaves together already show a shared shift beyond the
    /// threshold (many small moves, none beyond noise alone), numbered densely; and each leaf's candidate per cuboid.
    /// </summary>
    private static (int[][] Member, int[] Group) Candidates(CubeIndex index, LeafScreen screen, double threshold)
    {
        var (anomalous, pull, precision) = (new bool[index.GroupCount], new double[index.GroupCount], new double[index.GroupCount]);
        foreach (var cuboid in index.Cuboids)
        {
            for (var e = 0; e < index.LeafCount; e++)
            {
                var g = cuboid.GroupOf[e];
                anomalous[g] |= screen.Anomalous[e];
                pull[g] += screen.Pull[e];
                precision[g] += screen.Precision[e];
            }
        }
        var candidateOf = new int[index.GroupCount];
        var groups = new List<int>();
        for (var g = 0; g < candidateOf.Length; g++)
        {
            var candidate = anomalous[g] || (precision[g] > 0 && pull[g] * pull[g] / (2 * precision[g]) > threshold);
            candidateOf[g] = candidate ? groups.Count : -1;
            if (candidate)
            {
                groups.Add(g);
            }
        }
        var member = index.Cuboids.Select(c => Array.ConvertAll(c.GroupOf, g => candidateOf[g])).ToArray();
        return (member, groups.ToArray());
    }

    /// <summary>
    /// The stronger of two accounts of a move: each leaf shifted by its own amount (the sum of the leaves' ratios), or
    /// all shifted by one amount μ (the ripple effect: the Gaussian log likelihood ratio at the best μ, (Σ z/s)²/(2 Σ 1/s²),
    /// with z clipped so no leaf pulls harder than LeafThreshold σ). The first catches large moves of a few leaves, the
    /// second small moves shared by many. Leaves a chosen cause explained as a move the other way count against it with
    /// the weight they carried for that move: a conjunction cannot have both fallen and risen.
    /// </summary>
    private (double Evidence, int Direction) Evidence(int c)
    {
        var ripple = _precision[c] > 0 ? _pull[c] * _pull[c] / (2 * _precision[c]) : 0;
        var up = Math.Max(_up[c], _pull[c] > 0 ? ripple : double.NegativeInfinity) - _againstUp[c];
        var down = Math.Max(_down[c], _pull[c] < 0 ? ripple : double.NegativeInfinity) - _againstDown[c];
        return up >= down ? (up, 1) : (down, -1);
    }

    private int Depth(int candidate) => _index.CuboidOfGroup(_group[candidate]).Depth;

    /// <summary>
    /// The candidate with the most evidence beyond the threshold, either way; among those within OccamTolerance of it,
    /// the shortest (then the strongest). Null when none clears the threshold.
    /// </summary>
    private (int Candidate, int Direction, double Evidence)? Pick(List<Selection> chosen)
    {
        var best = double.NegativeInfinity;
        for (var c = 0; c < _group.Length; c++)
        {
            best = Math.Max(best, Evidence(c).Evidence);
        }
        if (!(best > Threshold))
        {
            return null;
        }
        var floor = Math.Max(Threshold, best - (_settings.OccamTolerance * Math.Abs(best)));
        (int Candidate, int Direction, double Evidence)? pick = null;
        for (var c = 0; c < _group.Length; c++)
        {
            var (evidence, direction) = Evidence(c);
            if (evidence < floor || chosen.Exists(s => s.Group == _group[c] && s.Direction == direction))
            {
                continue;
            }
            if (pick is not { } p || Depth(c) < Depth(p.Candidate) || (Depth(c) == Depth(p.Candidate) && evidence > p.Evidence))
            {
                pick = (c, direction, evidence);
            }
        }
        return pick;
    }

    /// <summary>
    /// Marks the candidate's leaves as explained, except those that moved against its direction, and takes them out
    /// of every candidate's evidence. Its numbers cover all its leaves; what it explains, the leaves it took.
    /// </summary>
    private Selection Explain(int candidate, int direction, double evidence)
    {
        var member = _member[_index.CuboidOf[_group[candidate]]];
        var (actual, expected, explained, leaves, anomalous) = (0.0, 0.0, 0.0, 0, 0);
        for (var e = 0; e < member.Length; e++)
        {
            if (member[e] != candidate)
            {
                continue;
            }
            (actual, expected, leaves) = (actual + _index.Actual[e], expected + _index.Expected[e], leaves + 1);
            anomalous += _screen.Anomalous[e] ? 1 : 0;
            var against = direction > 0 ? _screen.Down[e] : _screen.Up[e];
            if (_open[e] && !(against > 0))
            {
                _open[e] = false;
                explained += Math.Abs(_index.Actual[e] - _index.Expected[e]);
                var (againstUp, againstDown) = direction < 0 ? (Math.Max(0, _screen.Down[e]), 0.0) : (0.0, Math.Max(0, _screen.Up[e]));
                foreach (var other in _member)
                {
                    if (other[e] is var c and >= 0)
                    {
                        _up[c] -= _screen.Up[e];
                        _down[c] -= _screen.Down[e];
                        _pull[c] -= _screen.Pull[e];
                        _precision[c] -= _screen.Precision[e];
                        _againstUp[c] += againstUp;
                        _againstDown[c] += againstDown;
                    }
                }
            }
        }
        return new Selection(_group[candidate], direction, evidence, explained, actual, expected, leaves, anomalous);
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
