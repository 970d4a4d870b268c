namespace ModScope.Catalog;

/// <summary>How a metric is computed.</summary>
public enum MetricKind
{
    /// <summary>One aggregate over one source.</summary>
    Measure,
    /// <summary>Numerator over denominator, each a measure or another metric.</summary>
    Ratio,
    /// <summary>A proportion estimated from the stratified QA sample, with its interval.</summary>
    Proportion,
    /// <summary>Cohen's kappa between the two audits of double-audited decisions.</summary>
    Agreement,
}
