namespace ModScope.Stats;

/// <summary>
/// Two independent estimates on any scale (a stratified proportion, Cohen's kappa in [−1, 1]) with their variances:
/// z = (θ̂1 − θ̂2) / sqrt(V1 + V2), interval δ ± z_(1−α/2)·sqrt(V1 + V2) (Wald, large-sample normal theory). With
/// V1 + V2 = 0 a zero difference gives p = 1 and any other difference p = 0.
/// </summary>
public static class EstimateTest
{
    public static Significance Difference(double estimate1, double variance1, double estimate2, double variance2, double confidence = 0.95)
    {
        CheckEstimate(estimate1, nameof(estimate1));
        CheckEstimate(estimate2, nameof(estimate2));
        CheckVariance(variance1, nameof(variance1));
        CheckVariance(variance2, nameof(variance2));
        var critical = Critical.TwoSidedZ(confidence);
        var d = estimate1 - estimate2;
        var se = Math.Sqrt(variance1 + variance2);
        var z = se > 0.0 ? d / se : d == 0.0 ? 0.0 : d > 0.0 ? double.PositiveInfinity : double.NegativeInfinity;
        var interval = new Interval(d - (critical * se), d + (critical * se), confidence, "normal (Wald)");
        return new Significance(estimate1, estimate2, d, z, Critical.TwoSidedPValue(z), interval, "design-based z-test; normal (Wald) interval");
    }

    private static void CheckEstimate(double estimate, string name)
    {
        if (!double.IsFinite(estimate))
        {
            throw new ArgumentOutOfRangeException(name, estimate, "An estimate must be a finite number.");
        }
    }

    internal static void CheckVariance(double variance, string name)
    {
        if (!(variance >= 0.0) || double.IsPositiveInfinity(variance))
        {
            throw new ArgumentOutOfRangeException(name, variance, "A variance must be finite and not negative.");
        }
    }
}
