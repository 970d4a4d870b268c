namespace ModScope.Explain;

/// <summary>
/// How a leaf's relative noise depends on its size: s(f) = σ·(f/Reference)^(−Exponent). Exponent 0 is multiplicative
/// noise (every leaf off by the same few percent); 0.5 is count-like (Poisson) noise, where a leaf of f expected events
/// varies by about √f, so small leaves are relatively noisier. Fitted on the leaves sorted by expected value into
/// equal bins: each bin's robust σ of the relative deviations, then the Theil–Sen slope of ln σ against ln f (the
/// median of the pairwise slopes, so a bin inflated by anomalies does not tilt it), clamped to [0, 0.5].
/// </summary>
/// <param name="Reference">The median expected value: σ is the relative noise of a leaf of this size.</param>
/// <param name="Smallest">Leaves with expected values below this (zero, negative) are weighted as if this size.</param>
internal sealed record NoiseShape(double Reference, double Exponent, double Smallest)
{
    private const int Bins = 8;
    private const int MinLeaves = 200;
    private const double MinExponent = 0.15;

    /// <summary>Multiplies a leaf's relative deviation into units of σ at the reference size.</summary>
    public double Weight(double expected) =>
        Exponent == 0 ? 1 : Math.Pow(Math.Max(Math.Abs(expected), Smallest) / Reference, Exponent);

    public static NoiseShape Fit(double[] deviation, double[] expected, double threshold)
    {
        var leaves = Enumerable.Range(0, deviation.Length).Where(e => expected[e] > 0 && double.IsFinite(deviation[e])).ToArray();
        Array.Sort(leaves.Select(e => expected[e]).ToArray(), leaves);
        if (leaves.Length == 0)
        {
            return new NoiseShape(1, 0, 1);
        }
        var (reference, smallest) = (expected[leaves[leaves.Length / 2]], expected[leaves[0]]);
        if (leaves.Length < MinLeaves)
        {
            return new NoiseShape(reference, 0, smallest);
        }
        var points = new List<(double Size, double Scale)>();
        for (var b = 0; b < Bins; b++)
        {
            var bin = leaves[(b * leaves.Length / Bins)..((b + 1) * leaves.Length / Bins)];
            var scale = LeafScreen.NoiseScale(bin.Select(e => deviation[e]).ToArray(), threshold);
            if (scale > 0)
            {
                points.Add((Math.Log(expected[bin[bin.Length / 2]]), Math.Log(scale)));
            }
        }
        var slopes = points.SelectMany((p, i) => points.Skip(i + 1)
                .Where(q => q.Size > p.Size)
                .Select(q => (q.Scale - p.Scale) / (q.Size - p.Size)))
            .Order()
            .ToArray();
        var exponent = slopes.Length < 3 ? 0 : Math.Clamp(-slopes[slopes.Length / 2], 0, 0.5);
        // A slope this shallow is within what sampling alone gives multiplicative noise: keep the simpler model.
        exponent = exponent < MinExponent ? 0 : exponent;
        return new NoiseShape(reference, exponent, smallest);
    }
}
