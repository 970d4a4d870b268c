namespace ModScope.Stats;

/// <summary>A confidence interval: its bounds, nominal confidence level and the method that produced it.</summary>
/// <param name="Method">Human-readable method name, e.g. "Wilson score" or "Clopper–Pearson exact".</param>
public sealed record Interval(double Lower, double Upper, double Confidence, string Method)
{
    public double Width => Upper - Lower;

    public bool Contains(double value) => value >= Lower && value <= Upper;
}
