using System.Globalization;

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

    /// <summary>A share between 0 and 1: a QA proportion, or a census ratio shown as a percentage.</summary>
    public bool IsProportion => Kind == MetricKind.Proportion || (Kind == MetricKind.Ratio && Format == "percent");

    /// <summary>A count of events (a missing day is zero, and noise is Poisson).</summary>
    public bool IsCount => Kind == MetricKind.Measure && Measure?.Aggregate == "count";

    /// <summary>+1 when a change of this sign is good for the business, −1 when bad, 0 for neutral metrics or no change.</summary>
    public int Goodness(double change) => Math.Sign(change) * Direction switch
    {
        MetricDirection.HigherIsBetter => 1,
        MetricDirection.LowerIsBetter => -1,
        _ => 0,
    };

    /// <summary>A value in the metric's format (invariant culture), or <paramref name="missing"/> when there is none.</summary>
    public string FormatValue(double? value, string missing = "") => value is not { } v || !double.IsFinite(v) ? missing : Format switch
    {
        "percent" => (v * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
        "integer" => v.ToString("N0", CultureInfo.InvariantCulture),
        "hours" => v.ToString("0.00", CultureInfo.InvariantCulture) + " h",
        "seconds" => v.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        "currency" => v.ToString("0.00", CultureInfo.InvariantCulture),
        "decimal" => v.ToString("0.000", CultureInfo.InvariantCulture),
        _ => v.ToString("0.00", CultureInfo.InvariantCulture),
    };
    public int Line { get; init; }

    public static readonly IReadOnlyList<string> Formats = ["integer", "percent", "number", "decimal", "hours", "seconds", "currency"];
}
