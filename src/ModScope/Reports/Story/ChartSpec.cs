namespace ModScope.Reports.Story;

/// <summary>A headline metric's trend: the trailing weeks and the trailing months side by side, with its target line.</summary>
public sealed record ChartSpec(
    string Metric,
    IReadOnlyList<(DateTime Bucket, double Value)> Weekly,
    IReadOnlyList<(DateTime Bucket, double Value)> Monthly,
    double? Target,
    IReadOnlyList<string> Sources);
