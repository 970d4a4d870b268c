namespace ModScope.Catalog;

/// <summary>
/// The values a metric can take, so a band drawn around it never promises the impossible: a QA proportion lies in
/// [0, 1]; an agreement (Cohen's kappa) in [−1, 1]; counts, shares, ratios of our (non-negative) measures, hours,
/// seconds and money are at least 0; a share of a census ratio has no ceiling of 1 (utilisation may pass 100%).
/// Anything else is unbounded.
/// </summary>
public sealed record MetricRange(double Floor, double Ceiling)
{
    public static MetricRange Unbounded { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    public static MetricRange Of(MetricDefinition metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Kind switch
        {
            MetricKind.Agreement => new(-1, 1),
            MetricKind.Proportion => new(0, 1),
            MetricKind.Ratio => new(0, double.PositiveInfinity),
            _ when metric.IsCount || metric.Format is ValueFormat.WholeNumber or ValueFormat.Percent or ValueFormat.Hours
                or ValueFormat.Seconds or ValueFormat.Currency => new(0, double.PositiveInfinity),
            _ => Unbounded,
        };
    }

    /// <summary>The value moved inside the range (none stays none).</summary>
    public double? Clamp(double? value) => value is { } v ? Math.Clamp(v, Floor, Ceiling) : null;
}
