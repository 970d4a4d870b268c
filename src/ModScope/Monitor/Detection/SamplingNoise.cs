namespace ModScope.Monitor.Detection;

/// <summary>The sampling noise of a count (Poisson) or a proportion (binomial) around its expected value.</summary>
internal static class SamplingNoise
{
    /// <summary>
    /// The sampling test's z from the exact binomial or Poisson tail (<see cref="SamplingTail"/>); null for a level
    /// series, whose sampling noise is its value's own standard error when it has one (normal), else none.
    /// </summary>
    public static double? ExactZ(SeriesKind kind, SeriesPoint point, double y, double expected, double dispersion) => kind switch
    {
        SeriesKind.Proportion when point.SampleSize is > 0 and var n => SamplingTail.Proportion(y, expected, n, dispersion),
        SeriesKind.Count => SamplingTail.Count(y, expected, dispersion),
        _ => null,
    };

    /// <summary>Standard deviation of the sampling noise alone: binomial for proportions, Poisson for counts, else 0.</summary>
    public static double Sd(SeriesKind kind, double expected, double? sampleSize)
    {
        switch (kind)
        {
            case SeriesKind.Proportion when sampleSize is >= 1 and var n:
                // Keep p away from 0 and 1 by half a trial, so a rate expected at 0 is not infinitely certain.
                var p = Math.Clamp(expected, 0.5 / n, 1.0 - (0.5 / n));
                return Math.Sqrt(p * (1.0 - p) / n);
            case SeriesKind.Proportion:
                return 0.0;
            case SeriesKind.Count:
                return Math.Sqrt(Math.Max(expected, 1.0));
            default:
                return 0.0;
        }
    }
}
