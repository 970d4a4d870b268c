namespace ModScope.Stats;

/// <summary>The sample size planned for one stratum.</summary>
public sealed record StratumAllocation(string Name, long Population, long SampleSize);
