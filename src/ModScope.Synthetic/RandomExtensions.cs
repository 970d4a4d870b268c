namespace ModScope.Synthetic;

/// <summary>Distributions used by the simulation, on top of a seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    /// <summary>True with probability <paramref name="p"/>.</summary>
    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    public static double Uniform(this Random rng, double min, double max) => min + (rng.NextDouble() * (max - min));

    /// <summary>Standard normal draw (Box-Muller).</summary>
    public static double Normal(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Lognormal draw with the given median and log-scale standard deviation.</summary>
    public static double LogNormal(this Random rng, double median, double sigma) =>
        median * Math.Exp(sigma * rng.Normal());

    /// <summary>Fisher-Yates shuffle in place (explicit, so the order never depends on the runtime).</summary>
    public static void ShuffleInPlace<T>(this Random rng, IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
