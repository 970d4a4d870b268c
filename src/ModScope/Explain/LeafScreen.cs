namespace ModScope.Explain;

/// <summary>
/// The noise level of a cube and which leaves stand out from it. Expected values are the baseline, so a normal leaf's
/// log ratio x = ln(a/f) scatters symmetrically around 0, while anomalies push one way (or each cause its own way);
/// x is first put in units of the noise for the leaf's size (<see cref="NoiseShape"/>: small leaves of count data are
/// relatively noisier). σ starts as 1.4826 times the median |x|. With enough leaves to judge shape, two signs of
/// anomalies inflating it are checked: a median |x| far above what the lower quartile implies for normal noise
/// (anomalies in a large share of leaves), and one side of 0 clearly wider than the other (RiskLoc's observation);
/// either way the cleaner estimate is used. Then σ is re-estimated (never upwards) three times on the leaves within
/// LeafThreshold·σ, so anomalies far out do not inflate it. Leaves without a log ratio (a or f not positive) fall back
/// to the relative deviation (a − f)/|f|; with f = 0 a leaf is anomalous when a ≠ 0.
/// </summary>
/// <param name="Scale">σ: the relative noise of a leaf of the reference size (see <see cref="NoiseShape"/>), floored at MinNoise.</param>
/// <param name="Exponent">How relative noise falls with leaf size: 0 multiplicative, 0.5 count-like.</param>
/// <param name="LeafScale">
/// Per leaf, the relative noise to allow for: σ scaled to the leaf's size, times 1 + 2.33/√n for n normal leaves (a
/// one-sided ~99% bound, the MAD's standard error being about 1.17σ/√n), so a small cube's uncertain noise level does
/// not let noise pass for a cause. Used for the noise band and the noise penalty.
/// </param>
/// <param name="Anomalous">Per leaf: its deviation in units of σ at its size, |x|·weight, exceeds LeafThreshold.</param>
/// <param name="TotalDeviation">Σ|a − f| over all leaves.</param>
/// <param name="Excess">Σ max(0, |a − f| − NoiseBand·LeafScale·|f|): the change beyond the noise band.</param>
internal sealed record LeafScreen(double Scale, double Exponent, double[] LeafScale, bool[] Anomalous, int AnomalousCount, double TotalDeviation, double Excess)
{
    private const double MadToSigma = 1.4826;

    /// <summary>Φ⁻¹(0.625): the lower quartile of |Z| for a standard normal Z.</summary>
    private const double LowerQuartileOfAbsNormal = 0.3186;

    /// <summary>Below this many leaves the shape of the deviations says too little to second-guess the MAD.</summary>
    private const int MinForShape = 10;

    public static LeafScreen Measure(double[] actual, double[] expected, RootCauseSettings settings)
    {
        var deviation = new double[actual.Length];
        for (var e = 0; e < actual.Length; e++)
        {
            deviation[e] = Deviation(actual[e], expected[e]);
        }
        var shape = NoiseShape.Fit(deviation, expected, settings.LeafThreshold);
        var standardized = deviation.Select((x, e) => x * shape.Weight(expected[e])).ToArray();
        var scale = Math.Max(NoiseScale(standardized, settings.LeafThreshold), settings.MinNoise);

        var anomalous = new bool[actual.Length];
        var (count, normal) = (0, 0);
        for (var e = 0; e < actual.Length; e++)
        {
            anomalous[e] = Math.Abs(standardized[e]) > settings.LeafThreshold * scale;
            count += anomalous[e] ? 1 : 0;
            normal += anomalous[e] ? 0 : 1;
        }
        var upper = scale * (1 + (2.33 / Math.Sqrt(Math.Max(1, normal))));
        var leafScale = expected.Select(f => upper / shape.Weight(f)).ToArray();
        var (total, excess) = (0.0, 0.0);
        for (var e = 0; e < actual.Length; e++)
        {
            var error = Math.Abs(actual[e] - expected[e]);
            total += error;
            excess += Math.Max(0, error - (settings.NoiseBand * leafScale[e] * Math.Abs(expected[e])));
        }
        return new LeafScreen(scale, shape.Exponent, leafScale, anomalous, count, total, excess);
    }

    /// <summary>ln(a/f); the relative deviation (a − f)/|f| when either is not positive; ±∞ when f = 0 and a ≠ 0.</summary>
    public static double Deviation(double actual, double expected) =>
        actual > 0 && expected > 0 ? Math.Log(actual / expected)
        : expected != 0 ? (actual - expected) / Math.Abs(expected)
        : actual == 0 ? 0 : double.PositiveInfinity;

    /// <summary>σ of deviations that are normal noise around 0, robust to anomalies among them (see the type's summary).</summary>
    internal static double NoiseScale(double[] deviation, double threshold)
    {
        var distances = deviation.Where(double.IsFinite).Select(Math.Abs).ToArray();
        Array.Sort(distances);
        var scale = MadToSigma * Quantile(distances, 0.5);
        if (distances.Length >= MinForShape)
        {
            // Anomalies on both sides in a large share of the leaves: the median distance is theirs, the lower quartile still the noise's.
            var quartile = Quantile(distances, 0.25) / LowerQuartileOfAbsNormal;
            if (scale > (1.25 + (2 / Math.Sqrt(distances.Length))) * quartile)
            {
                scale = quartile;
            }
            // Anomalies on one side: that side is wider. Exact zeros (leaves right on forecast) belong to both sides.
            var below = deviation.Where(x => x <= 0).Select(x => -x).ToArray();
            var above = deviation.Where(x => x >= 0 && double.IsFinite(x)).ToArray();
            var (belowScale, aboveScale) = (Mad(below), Mad(above));
            var (narrow, wide) = (Math.Min(belowScale, aboveScale), Math.Max(belowScale, aboveScale));
            var fewer = Math.Min(below.Length, above.Length);
            if (fewer >= MinForShape / 2 && wide > (1 + (4 / Math.Sqrt(fewer))) * narrow)
            {
                scale = Math.Min(scale, narrow);
            }
        }
        for (var round = 0; round < 3 && scale > 0; round++)
        {
            var limit = threshold * scale;
            scale = Math.Min(scale, Mad(distances.Where(x => x <= limit).ToArray()));
        }
        return scale;
    }

    private static double Quantile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        var h = (sorted.Length - 1) * q;
        var low = (int)Math.Floor(h);
        return low + 1 < sorted.Length ? sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low])) : sorted[low];
    }

    /// <summary>1.4826 × the median of non-negative distances from 0; 0 for none.</summary>
    public static double Mad(double[] distances)
    {
        Array.Sort(distances);
        return MadToSigma * Quantile(distances, 0.5);
    }
}
