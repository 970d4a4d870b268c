namespace ModScope.Tests.Stats;

/// <summary>Seeded random draws for the coverage simulations, written plainly (no library under test).</summary>
public static class Draws
{
    /// <summary>Successes in <paramref name="n"/> independent trials with probability <paramref name="p"/>.</summary>
    public static long Binomial(Random random, long n, double p)
    {
        var x = 0L;
        for (var i = 0; i < n; i++)
        {
            if (random.NextDouble() < p)
            {
                x++;
            }
        }

        return x;
    }

    /// <summary>Successes in a sample of <paramref name="n"/> drawn without replacement from
    /// <paramref name="population"/> items of which <paramref name="successes"/> are successes.</summary>
    public static long WithoutReplacement(Random random, long population, long successes, long n)
    {
        var x = 0L;
        for (var i = 0; i < n; i++)
        {
            if (random.NextDouble() * (population - i) < successes - x)
            {
                x++;
            }
        }

        return x;
    }
}
