namespace ModScope.Explain;

/// <summary>
/// The candidates of a search and the evidence each holds that it moved, over the leaves no chosen cause has explained
/// yet. A candidate is a conjunction holding an anomalous leaf, or one whose leaves together already show a shared
/// shift beyond the threshold. Two accounts of a move are kept per candidate as sums over its open leaves, so taking a
/// leaf out costs one pass over the cuboids:
/// <list type="bullet">
/// <item>each leaf moved by an amount of its own: the sum of the leaves' log likelihood ratios (<see cref="ShiftEvidence"/>),
/// RiskLoc's weighted count of abnormal against normal leaves with weights from the noise;</item>
/// <item>all leaves moved by one shared amount μ (Squeeze's ripple effect): the Gaussian log likelihood ratio at the
/// best μ, (Σ z/s)²/(2 Σ 1/s²), with each z clipped to ±LeafThreshold so no leaf pulls harder than an anomalous one.</item>
/// </list>
/// The first catches large moves of a few leaves, the second small moves shared by many. Leaves a chosen cause explained
/// as a move one way count against the other way with the weight they carried for it: a conjunction cannot have both
/// fallen and risen.
/// </summary>
internal sealed class CandidateEvidence
{
    private readonly CubeIndex _index;
    private readonly LeafScreen _screen;
    /// <summary>Per group of the index: its candidate, or −1.</summary>
    private readonly int[] _candidateOf;
    private readonly double[] _up, _down, _pull, _precision, _againstUp, _againstDown;

    public CandidateEvidence(CubeIndex index, LeafScreen screen, double threshold)
    {
        (_index, _screen) = (index, screen);
        // One pass sums every group; the candidates keep their sums. Cuboids own disjoint ranges of groups, so they are
        // summed side by side.
        var groups = index.GroupCount;
        var (anomalous, up, down, pull, precision) = (new bool[groups], new double[groups], new double[groups], new double[groups], new double[groups]);
        Parallel.ForEach(index.Cuboids, cuboid =>
        {
            var groupOf = cuboid.GroupOf;
            for (var e = 0; e < groupOf.Length; e++)
            {
                var g = groupOf[e];
                anomalous[g] |= screen.Anomalous[e];
                up[g] += screen.Up[e];
                down[g] += screen.Down[e];
                pull[g] += screen.Pull[e];
                precision[g] += screen.Precision[e];
            }
        });
        _candidateOf = new int[groups];
        var kept = new List<int>();
        for (var g = 0; g < groups; g++)
        {
            var candidate = anomalous[g] || (precision[g] > 0 && pull[g] * pull[g] / (2 * precision[g]) > threshold);
            _candidateOf[g] = candidate ? kept.Count : -1;
            if (candidate)
            {
                kept.Add(g);
            }
        }
        Group = kept.ToArray();
        _up = Array.ConvertAll(Group, g => up[g]);
        _down = Array.ConvertAll(Group, g => down[g]);
        _pull = Array.ConvertAll(Group, g => pull[g]);
        _precision = Array.ConvertAll(Group, g => precision[g]);
        (_againstUp, _againstDown) = (new double[Group.Length], new double[Group.Length]);
    }

    /// <summary>Per candidate: its group in the <see cref="CubeIndex"/>.</summary>
    public int[] Group { get; }

    /// <summary>The candidate leaf <paramref name="e"/> belongs to in cuboid <paramref name="cuboid"/> (a position in the index's cuboids), or −1.</summary>
    public int Member(int cuboid, int e) => _candidateOf[_index.Cuboids[cuboid].GroupOf[e]];

    /// <summary>The candidate's evidence for its stronger direction (+1 up, −1 down).</summary>
    public (double Evidence, int Direction) Of(int candidate)
    {
        var (up, down) = (For(candidate, 1), For(candidate, -1));
        return up >= down ? (up, 1) : (down, -1);
    }

    /// <summary>The candidate's evidence that it moved in <paramref name="direction"/>.</summary>
    public double For(int candidate, int direction)
    {
        var (pull, precision) = (_pull[candidate], _precision[candidate]);
        var ripple = precision > 0 && Math.Sign(pull) == direction ? pull * pull / (2 * precision) : double.NegativeInfinity;
        return direction > 0
            ? Math.Max(_up[candidate], ripple) - _againstUp[candidate]
            : Math.Max(_down[candidate], ripple) - _againstDown[candidate];
    }

    /// <summary>Takes leaf <paramref name="e"/>, explained by a cause that moved in <paramref name="direction"/>, out of every candidate's sums.</summary>
    public void Close(int e, int direction)
    {
        var (againstUp, againstDown) = direction < 0 ? (Math.Max(0, _screen.Down[e]), 0.0) : (0.0, Math.Max(0, _screen.Up[e]));
        foreach (var cuboid in _index.Cuboids)
        {
            if (_candidateOf[cuboid.GroupOf[e]] is var c and >= 0)
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
