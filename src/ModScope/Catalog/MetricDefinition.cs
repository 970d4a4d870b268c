namespace ModScope.Catalog;

/// <summary>A metric of the core index, as defined in the catalogue.</summary>
public sealed record MetricDefinition
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required Bilingual Name { get; init; }
    public required Bilingual Description { get; init; }
    public required string Unit { get; init; }
    /// <summary>How values are shown (integer, percent, number, decimal, hours, seconds or currency).</summary>
    public required ValueFormat Format { get; init; }
    public required MetricDirection Direction { get; init; }
    public required string Owner { get; init; }
    public double? Target { get; init; }
    /// <summary>
    /// The catalogue's targets for segments of this metric (its <c>targets</c> entries): defaults the store's
    /// <c>targets*.csv</c> rows override for the same segment (<c>Query.SegmentTargets</c>).
    /// </summary>
    public IReadOnlyList<Model.SegmentTarget> CatalogTargets { get; init; } = [];
    /// <summary>False for a helper measure the monitor does not scan (catalogue key <c>monitored: false</c>).</summary>
    public bool Monitored { get; init; } = true;
    /// <summary>For a metric in currency: the reporting currency its values are in (the catalogue's setting).</summary>
    public string? Currency { get; init; }
    public required MetricKind Kind { get; init; }
    public MeasureDefinition? Measure { get; init; }
    public Operand? Numerator { get; init; }
    public Operand? Denominator { get; init; }
    public ProportionDefinition? Proportion { get; init; }
    public AgreementDefinition? Agreement { get; init; }
    public IReadOnlyList<MetricVersion> History { get; init; } = [];
    /// <summary>Dimensions the metric can be sliced by (set by the catalogue from its sources).</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = [];
    /// <summary>True when the value is estimated from a sample and so carries an interval.</summary>
    public bool Sampled => Kind is MetricKind.Proportion or MetricKind.Agreement;

    /// <summary>A share between 0 and 1: a QA proportion, or a census ratio shown as a percentage.</summary>
    public bool IsProportion => Kind == MetricKind.Proportion || (Kind == MetricKind.Ratio && Format == ValueFormat.Percent);

    /// <summary>A count of events (a missing day is zero, and noise is Poisson).</summary>
    public bool IsCount => Kind == MetricKind.Measure && Measure?.Aggregate == AggregateFunction.Count;

    /// <summary>+1 when a change of this sign is good for the business, −1 when bad, 0 for neutral metrics or no change.</summary>
    public int Goodness(double change) => Math.Sign(change) * Direction switch
    {
        MetricDirection.HigherIsBetter => 1,
        MetricDirection.LowerIsBetter => -1,
        _ => 0,
    };

    public int Line { get; init; }

}
