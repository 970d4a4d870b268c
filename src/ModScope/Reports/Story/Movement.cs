using ModScope.Catalog;
using ModScope.Query;

namespace ModScope.Reports.Story;

/// <summary>A significant change of one metric in one segment (or the total), with what ranked it.</summary>
public sealed record Movement(MetricDefinition Metric, MetricResult Row, string? Dimension, string Source, double Impact, int PersistentWeeks, bool CrossedTarget)
{
    /// <summary>Impact, raised for persistence over weeks and for crossing the target.</summary>
    public double Score => Impact * (1 + (0.25 * PersistentWeeks)) * (CrossedTarget ? 1.5 : 1.0);

    public int Sign => Math.Sign(Row.AbsoluteChange ?? 0);
}
