namespace ModScope.Stats;

/// <summary>The outcome of comparing two proportions: first − second, its test statistic and interval.</summary>
/// <param name="First">Estimate of the first (e.g. current period) proportion.</param>
/// <param name="Second">Estimate of the second (e.g. baseline) proportion.</param>
/// <param name="Difference">First − Second.</param>
/// <param name="Z">Standard-normal test statistic for "no difference".</param>
/// <param name="PValue">Two-sided p-value of <paramref name="Z"/>.</param>
/// <param name="DifferenceInterval">Confidence interval for the difference.</param>
/// <param name="Method">Test and interval used.</param>
public sealed record Significance(
    double First,
    double Second,
    double Difference,
    double Z,
    double PValue,
    Interval DifferenceInterval,
    string Method)
{
    /// <summary>True when the two-sided p-value is below <paramref name="alpha"/>.</summary>
    public bool IsSignificant(double alpha = 0.05)
    {
        if (!(alpha > 0.0 && alpha < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "A significance level must lie strictly between 0 and 1, e.g. 0.05.");
        }

        return PValue < alpha;
    }
}
