using MathNet.Numerics.Distributions;

namespace ModScope.Stats;

/// <summary>Standard-normal critical values and the argument checks shared by the Stats functions.</summary>
internal static class Critical
{
    /// <summary>z with P(|Z| ≤ z) = confidence, e.g. 1.959964 for 0.95.</summary>
    public static double TwoSidedZ(double confidence)
    {
        CheckConfidence(confidence);
        return Normal.InvCDF(0.0, 1.0, 1.0 - ((1.0 - confidence) / 2.0));
    }

    /// <summary>Two-sided p-value of a standard-normal statistic, 2·Φ(−|z|) (no cancellation in the tail).</summary>
    public static double TwoSidedPValue(double z) =>
        double.IsNaN(z) ? 1.0 : Math.Min(1.0, 2.0 * Normal.CDF(0.0, 1.0, -Math.Abs(z)));

    public static void CheckConfidence(double confidence)
    {
        if (!(confidence > 0.0 && confidence < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence level must lie strictly between 0 and 1, e.g. 0.95.");
        }
    }

    public static void CheckProbability(double value, string name)
    {
        if (!(value >= 0.0 && value <= 1.0))
        {
            throw new ArgumentOutOfRangeException(name, value, "A proportion must lie in [0, 1].");
        }
    }
}
