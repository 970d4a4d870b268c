namespace ModScope.Explain;

/// <summary>
/// The noise level of a cube, which leaves stand out from it, and how strongly each leaf says it moved. A leaf's
/// deviation is r = (a − f)/|f|, unbiased whether the noise is multiplicative or count-like (a leaf with f = 0 is
/// measured against the smallest non-zero |f| of the cube, or against 1 for counts); a leaf with a = f = 0 says
/// nothing and is left out.
/// Expected values are the baseline, so a normal leaf's r scatters around 0, while anomalies push one way (or each
/// cause its own way); r is first put in units of the noise for the leaf's size (<see cref="NoiseShape"/>: small leaves
/// of count data are relatively noisier; whole-number actual values are taken as counts, whose relative noise is at
/// least 1/√f). σ starts as 1.4826 times the median |r|. With enough leaves to judge shape,
/// two signs of anomalies inflating it are checked: a median |r| far above what the lower quartile implies for normal
/// noise (anomalies in a large share of leaves), and one side of 0 clearly wider than the other (RiskLoc's
/// observation); either way the cleaner estimate is used. Then σ is re-estimated (never upwards) three times on the
/// leaves within LeafThreshold·σ, so anomalies far out do not inflate it. Each leaf's evidence of a move up or down is
/// then <see cref="ShiftEvidence"/> at its own noise.
/// </summary>
/// <param name="Scale">σ: the relative noise of a leaf of the reference size (see <see cref="NoiseShape"/>), floored at MinNoise.</param>
/// <param name="Exponent">How relative noise falls with leaf size: 0 multiplicative, 0.5 count-like.</param>
/// <param name="Informative">Per leaf: a or f is not 0, so the leaf can show a move.</param>
/// <param name="Anomalous">Per leaf: its deviation in units of σ at its size exceeds LeafThreshold.</param>
/// <param name="Up">
/// Per leaf: the log likelihood ratio that it moved up rather than stayed normal; 0 when not informative or when its
/// noise s exceeds 1/LeafThreshold.
/// </param>
/// <param name="Down">Per leaf: the same for a move down.</param>
/// <param name="Pull">Per leaf: z/s with z = d/s clipped to ±LeafThreshold, its pull on a shift shared by a cause's leaves.</param>
/// <param name="Precision">Per leaf: 1/s², its weight in that shared shift.</param>
/// <param name="TotalDeviation">Σ|a − f| over all leaves.</param>
internal sealed record LeafScreen(
    double Scale, double Exponent, bool[] Informative, bool[] Anomalous, int AnomalousCount, double[] Up, double[] Down, double[] Pull, double[] Precision, double TotalDeviation)
{
    private const double MadToSigma = 1.4826;

    /// <summary>Φ⁻¹(0.625): the lower quartile of |Z| for a standard normal Z.</summary>
    private const double LowerQuartileOfAbsNormal = 0.3186;

    /// <summary>Below this many leaves the shape of the deviations says too little to second-guess the MAD.</summary>
    private const int MinForShape = 10;

    public static LeafScreen Measure(double[] actual, double[] expected, RootCauseSettings settings)
    {
        var n = actual.Length;
        var informative = new bool[n];
        var deviation = new double[n];
        // Whole numbers are counts: a count of f varies by at least √f (Poisson) whatever the fit says, which matters
        // most in cubes too small to fit the noise's shape; and one event is the least a count can be measured against.
        var counts = actual.All(a => a >= 0 && a == Math.Floor(a));
        var smallest = expected.Select(Math.Abs).Where(f => f > 0).DefaultIfEmpty(1).Min();
        var floor = counts ? Math.Min(smallest, 1) : smallest;
        for (var e = 0; e < n; e++)
        {
            informative[e] = actual[e] != 0 || expected[e] != 0;
            deviation[e] = informative[e] ? Deviation(actual[e], expected[e], floor) : double.NaN;
        }
        var shape = NoiseShape.Fit(deviation, expected, settings.LeafThreshold);
        var standardized = deviation.Select((x, e) => x * shape.Weight(expected[e])).ToArray();
        var scale = Math.Max(NoiseScale(standardized, settings.LeafThreshold), settings.MinNoise);

        double Poisson(int e) => counts ? 1 / Math.Sqrt(Math.Max(Math.Abs(expected[e]), floor)) : 0;

        var anomalous = new bool[n];
        var (count, normal) = (0, 0);
        for (var e = 0; e < n; e++)
        {
            var noise = Math.Max(scale / shape.Weight(expected[e]), Poisson(e));
            anomalous[e] = informative[e] && Math.Abs(deviation[e]) > settings.LeafThreshold * noise;
            count += anomalous[e] ? 1 : 0;
            normal += informative[e] && !anomalous[e] ? 1 : 0;
        }
        // The noise level is itself uncertain: allow for its one-sided ~99% upper bound, the MAD's standard error being
        // about 1.17σ/√n, so a small cube's uncertain noise does not let noise pass for a cause.
        var upper = scale * (1 + (2.33 / Math.Sqrt(Math.Max(1, normal))));
        var (up, down, pull, precision) = (new double[n], new double[n], new double[n], new double[n]);
        var total = 0.0;
        for (var e = 0; e < n; e++)
        {
            total += Math.Abs(actual[e] - expected[e]);
            if (informative[e])
            {
                var s = Math.Max(upper / shape.Weight(expected[e]), Poisson(e));
                // A leaf too noisy to show even a fall to zero beyond LeafThreshold·s (a count of a few) cannot vouch for a
                // move on its own, and its discreteness would fool the normal model: it speaks only in the shared shift.
                if (s * settings.LeafThreshold <= 1)
                {
                    (up[e], down[e]) = ShiftEvidence.Of(deviation[e], s, settings.OutlierRate);
                }
                pull[e] = Math.Clamp(deviation[e] / s, -settings.LeafThreshold, settings.LeafThreshold) / s;
                precision[e] = 1 / (s * s);
            }
        }
        return new LeafScreen(scale, shape.Exponent, informative, anomalous, count, up, down, pull, precision, total);
    }

    /// <summary>(a − f)/|f|, with |f| at least <paramref name="floor"/> (a positive size).</summary>
    public static double Deviation(double actual, double expected, double floor) => (actual - expected) / Math.Max(Math.Abs(expected), floor);

    /// <summary>σ of deviations that are normal noise around 0, robust to anomalies among them (see the type's summary).</summary>
    internal static double NoiseScale(double[] deviation, double threshold)
    {
        // One sort: the deviations in order give both sides and, merged, the sorted distances from 0.
        var sorted = deviation.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
        var zero = Array.FindIndex(sorted, x => x >= 0);
        zero = zero < 0 ? sorted.Length : zero;
        var positive = Array.FindIndex(sorted, zero, x => x > 0);
        positive = positive < 0 ? sorted.Length : positive;
        // Exact zeros (leaves right on forecast) belong to both sides.
        var below = sorted[..positive].Select(x => -x).Reverse().ToArray();
        var above = sorted[zero..];
        var distances = Merge(below[(positive - zero)..], above);

        var scale = MadToSigma * Quantile(distances, 0.5);
        if (distances.Length >= MinForShape)
        {
            // Anomalies on both sides in a large share of the leaves: the median distance is theirs, the lower quartile still the noise's.
            var quartile = Quantile(distances, 0.25) / LowerQuartileOfAbsNormal;
            if (scale > (1.25 + (2 / Math.Sqrt(distances.Length))) * quartile)
            {
                scale = quartile;
            }
            // Anomalies on one side: that side is wider.
            var (belowScale, aboveScale) = (MadToSigma * Quantile(below, 0.5), MadToSigma * Quantile(above, 0.5));
            var (narrow, wide) = (Math.Min(belowScale, aboveScale), Math.Max(belowScale, aboveScale));
            var fewer = Math.Min(below.Length, above.Length);
            if (fewer >= MinForShape / 2 && wide > (1 + (4 / Math.Sqrt(fewer))) * narrow)
            {
                scale = Math.Min(scale, narrow);
            }
        }
        for (var round = 0; round < 3 && scale > 0; round++)
        {
            // The distances within the limit are a prefix of the sorted ones.
            var within = UpperBound(distances, threshold * scale);
            scale = Math.Min(scale, MadToSigma * Quantile(distances.AsSpan(0, within), 0.5));
        }
        return scale;
    }

    /// <summary>Two ascending arrays merged into one.</summary>
    private static double[] Merge(double[] first, double[] second)
    {
        var merged = new double[first.Length + second.Length];
        var (i, j) = (0, 0);
        for (var k = 0; k < merged.Length; k++)
        {
            merged[k] = j >= second.Length || (i < first.Length && first[i] <= second[j]) ? first[i++] : second[j++];
        }
        return merged;
    }

    /// <summary>How many of the ascending values are at most <paramref name="limit"/>.</summary>
    private static int UpperBound(double[] sorted, double limit)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = sorted[middle] <= limit ? (middle + 1, high) : (low, middle);
        }
        return low;
    }

    private static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        var h = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(h);
        return low + 1 < sorted.Length ? sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low])) : sorted[low];
    }
}
