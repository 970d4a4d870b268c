namespace ModScope.Explain;

/// <summary>
/// Greedy search under the ripple-effect model. If candidate c is the cause, its leaves all moved by the ratio
/// r = Σa/Σp over c, so each is predicted as p·r (p + (Σa − Σp)/n when some p is negative or Σp is not positive) and
/// leaves outside c keep p. A leaf's cost under a prediction q is its L1 error beyond the noise band,
/// max(0, |a − q| − NoiseBand·s·|q|), with s the leaf's noise scale (σ's upper bound, or the spread of a chosen cause
/// it lies in). Gain(c) is the cost c removes: too general a c mispredicts normal leaves, too specific a c leaves part
/// of the anomaly, so the right granularity scores best, and the band keeps one leaf's exact fit from beating its whole
/// cause. Net gain subtracts what fitting noise could gain, (z − NoiseBand)·√(Σ_{e∈c} (s·p)²). Each round scores every
/// candidate in two passes over leaves × cuboids, takes the best (the shortest among near-ties), and folds it into p.
/// </summary>
internal sealed class RippleSearch
{
    private readonly CubeIndex _index;
    private readonly LeafScreen _screen;
    private readonly RootCauseSettings _settings;
    private readonly double _penalty;
    /// <summary>Per cuboid, per leaf: the candidate the leaf belongs to there, or −1.</summary>
    private readonly int[][] _member;
    /// <summary>Per candidate: its group in the index, and its fixed sums.</summary>
    private readonly int[] _group, _count, _anomalous;
    private readonly double[] _actual, _expected;
    /// <summary>Per leaf: the current prediction p and noise scale s.</summary>
    private readonly double[] _p, _scale;
    /// <summary>Per candidate, per round.</summary>
    private readonly double[] _sumP, _sumSP2, _cost, _costAfter, _error, _errorAfter, _factor, _net;
    private readonly int[] _negative;

    public RippleSearch(CubeIndex index, LeafScreen screen, RootCauseSettings settings)
    {
        (_index, _screen, _settings) = (index, screen, settings);
        // Every conjunction could have been a candidate had noise flagged one of its leaves: that is the multiplicity.
        _penalty = Math.Max(0, settings.NoiseZFor(index.GroupCount) - settings.NoiseBand);
        (_member, _group) = Candidates(index, screen.Anomalous);
        var n = _group.Length;
        (_count, _anomalous, _negative) = (new int[n], new int[n], new int[n]);
        (_actual, _expected, _sumP, _sumSP2) = (new double[n], new double[n], new double[n], new double[n]);
        (_cost, _costAfter, _error, _errorAfter, _factor, _net) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        foreach (var member in _member)
        {
            for (var e = 0; e < member.Length; e++)
            {
                if (member[e] is var c and >= 0)
                {
                    _actual[c] += index.Actual[e];
                    _expected[c] += index.Expected[e];
                    _count[c]++;
                    _anomalous[c] += screen.Anomalous[e] ? 1 : 0;
                }
            }
        }
        _p = (double[])index.Expected.Clone();
        _scale = (double[])screen.LeafScale.Clone();
    }

    /// <summary>The chosen causes in the order chosen.</summary>
    public IReadOnlyList<Selection> Run()
    {
        var chosen = new List<Selection>();
        while (chosen.Count < _settings.MaxCauses && _group.Length > 0 && _screen.Excess > 0)
        {
            Score();
            var best = Pick(chosen);
            if (best < 0 || _cost[best] - _costAfter[best] < _settings.MinShare * _screen.Excess)
            {
                break;
            }
            chosen.Add(new Selection(_group[best], _error[best] - _errorAfter[best], _actual[best], _expected[best], _count[best], _anomalous[best]));
            Apply(best);
        }
        return FoldSubCauses(chosen);
    }

    /// <summary>Groups holding at least one anomalous leaf, numbered densely, and each leaf's candidate per cuboid.</summary>
    private static (int[][] Member, int[] Group) Candidates(CubeIndex index, bool[] anomalous)
    {
        var candidateOf = new int[index.GroupCount];
        foreach (var cuboid in index.Cuboids)
        {
            for (var e = 0; e < index.LeafCount; e++)
            {
                candidateOf[cuboid.GroupOf[e]] |= anomalous[e] ? 1 : 0;
            }
        }
        var groups = new List<int>();
        for (var g = 0; g < candidateOf.Length; g++)
        {
            candidateOf[g] = candidateOf[g] == 0 ? -1 : groups.Count;
            if (candidateOf[g] >= 0)
            {
                groups.Add(g);
            }
        }
        var member = index.Cuboids.Select(c => Array.ConvertAll(c.GroupOf, g => candidateOf[g])).ToArray();
        return (member, groups.ToArray());
    }

    private bool UsesRatio(int c) => _sumP[c] > 0 && _negative[c] == 0;

    private double Predict(int c, double p) => UsesRatio(c) ? p * _factor[c] : p + _factor[c];

    private double Cost(int e, double predicted) =>
        Math.Max(0, Math.Abs(_index.Actual[e] - predicted) - (_settings.NoiseBand * _scale[e] * Math.Abs(predicted)));

    private void Score()
    {
        foreach (var array in new[] { _sumP, _sumSP2, _cost, _costAfter, _error, _errorAfter })
        {
            Array.Clear(array);
        }
        Array.Clear(_negative);
        var actual = _index.Actual;
        foreach (var member in _member)
        {
            for (var e = 0; e < member.Length; e++)
            {
                if (member[e] is var c and >= 0)
                {
                    var (p, sp) = (_p[e], _p[e] * _scale[e]);
                    _sumP[c] += p;
                    _sumSP2[c] += sp * sp;
                    _cost[c] += Cost(e, p);
                    _error[c] += Math.Abs(actual[e] - p);
                    _negative[c] += p < 0 ? 1 : 0;
                }
            }
        }
        for (var c = 0; c < _group.Length; c++)
        {
            _factor[c] = UsesRatio(c) ? _actual[c] / _sumP[c] : (_actual[c] - _sumP[c]) / _count[c];
        }
        foreach (var member in _member)
        {
            for (var e = 0; e < member.Length; e++)
            {
                if (member[e] is var c and >= 0)
                {
                    var predicted = Predict(c, _p[e]);
                    _costAfter[c] += Cost(e, predicted);
                    _errorAfter[c] += Math.Abs(actual[e] - predicted);
                }
            }
        }
        for (var c = 0; c < _group.Length; c++)
        {
            _net[c] = _cost[c] - _costAfter[c] - (_penalty * Math.Sqrt(_sumSP2[c]));
        }
    }

    /// <summary>
    /// The best candidate that is not a chosen cause or a sub-cause of one (a wider cause of a chosen one may still come);
    /// among those within OccamTolerance of it, the shortest.
    /// </summary>
    private int Pick(List<Selection> chosen)
    {
        var positive = Enumerable.Range(0, _group.Length).Where(c => _net[c] > 0).OrderByDescending(c => _net[c]);
        var (best, bestNet) = (-1, 0.0);
        foreach (var c in positive)
        {
            if (best >= 0 && _net[c] < (1 - _settings.OccamTolerance) * bestNet)
            {
                break;
            }
            if (chosen.Exists(s => _index.Within(_group[c], s.Group)))
            {
                continue;
            }
            if (best < 0)
            {
                (best, bestNet) = (c, _net[c]);
            }
            else if (_index.CuboidOfGroup(_group[c]).Depth < _index.CuboidOfGroup(_group[best]).Depth)
            {
                best = c;
            }
        }
        return best;
    }

    /// <summary>
    /// Folds a chosen cause into the predictions. Its leaves may not have moved in perfect step: their spread around the
    /// fitted ratio (an upper bound, as for σ) becomes their noise scale, so later rounds do not mistake it for new causes.
    /// </summary>
    private void Apply(int c)
    {
        var member = _member[_index.CuboidOf[_group[c]]];
        var leaves = Enumerable.Range(0, member.Length).Where(e => member[e] == c).ToList();
        foreach (var e in leaves)
        {
            _p[e] = Predict(c, _p[e]);
        }
        var spread = leaves.Select(e => Math.Abs(LeafScreen.Deviation(_index.Actual[e], _p[e]))).Where(double.IsFinite).ToArray();
        var scale = LeafScreen.Mad(spread) * (1 + (2.33 / Math.Sqrt(Math.Max(1, spread.Length))));
        foreach (var e in leaves)
        {
            _scale[e] = Math.Max(_scale[e], scale);
        }
    }

    /// <summary>
    /// A cause chosen after one of its own sub-causes (the sub-cause looked best first, e.g. its biggest leaf, and the
    /// rest of the cause followed) absorbs it: the sub-cause is dropped and its explained error counted in the cause's.
    /// </summary>
    private List<Selection> FoldSubCauses(List<Selection> chosen)
    {
        var kept = new List<Selection>();
        for (var i = chosen.Count - 1; i >= 0; i--)
        {
            var into = kept.FindIndex(k => _index.Within(chosen[i].Group, k.Group));
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
