namespace ModScope.Catalog;

/// <summary>A metric of the core index, as defined in the catalogue.</summary>
public sealed record MetricDefinition
{
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required Bilingual Name { get; init; }
    public required Bilingual Description { get; init; }
    public required string Unit { get; init; }
    /// <summary>integer, percent, number, decimal, hours, seconds or currency.</summary>
    public required string Format { get; init; }
    public required MetricDirection Direction { get; init; }
    public required string Owner { get; init; }
    public double? Target { get; init; }
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
    public int Line { get; init; }

    public static readonly IReadOnlyList<string> Formats = ["integer", "percent", "number", "decimal", "hours", "seconds", "currency"];
}
