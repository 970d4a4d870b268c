namespace ModScope.Synthetic;

/// <summary>
/// Derives independent, stable seeds for each day and purpose from the run's seed (SplitMix64 mixing),
/// so each day can be simulated on its own and the result never depends on processing order.
/// </summary>
internal static class SeedMixer
{
    /// <summary>Random streams, one per purpose.</summary>
    public enum Stream
    {
        Create = 1,
        Assign = 2,
        Audit = 3,
        Appeal = 4,
        Staffing = 5,
        Redelivery = 6,
        Incidents = 7,
        Moderator = 8,
        Opportunities = 9,
    }

    public static int Derive(int seed, Stream stream, long a = 0, long b = 0)
    {
        var x = Mix((ulong)(uint)seed ^ 0x9E3779B97F4A7C15UL);
        x = Mix(x ^ (ulong)stream);
        x = Mix(x ^ (ulong)a);
        x = Mix(x ^ (ulong)b);
        return (int)(x & 0x7FFFFFFF);
    }

    public static Random Random(int seed, Stream stream, long a = 0, long b = 0) =>
        new(Derive(seed, stream, a, b));

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
