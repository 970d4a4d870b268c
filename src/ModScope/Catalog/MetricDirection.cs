namespace ModScope.Catalog;

/// <summary>Which way is good for a metric (drives colours and the words "improved"/"worsened").</summary>
public enum MetricDirection
{
    Neutral,
    HigherIsBetter,
    LowerIsBetter,
}
