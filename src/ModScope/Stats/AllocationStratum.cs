namespace ModScope.Stats;

/// <summary>A stratum to plan a sample for.</summary>
/// <param name="Name">Stratum label.</param>
/// <param name="Population">N_h: items in the stratum.</param>
/// <param name="StandardDeviation">S_h: the unit standard deviation in the stratum; sqrt(p_h(1−p_h)) for a rate.</param>
public sealed record AllocationStratum(string Name, long Population, double StandardDeviation)
{
    /// <summary>A stratum whose expected rate (e.g. accuracy 0.95) gives S_h = sqrt(p_h(1−p_h)).</summary>
    public static AllocationStratum FromExpectedRate(string name, long population, double expectedRate)
    {
        Critical.CheckProbability(expectedRate, nameof(expectedRate));
        return new AllocationStratum(name, population, Math.Sqrt(expectedRate * (1.0 - expectedRate)));
    }
}
