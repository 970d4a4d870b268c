namespace ModScope.Catalog;

/// <summary>One side of a ratio: an inline measure or the id of another metric (resolved after loading).</summary>
public sealed record Operand(MeasureDefinition? Measure, string? MetricId)
{
    public override string ToString() => MetricId ?? Measure?.AggregateName ?? "?";
}
