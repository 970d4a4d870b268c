using ModScope.Planning.Forecasting;

namespace ModScope.Tests.Planning.Forecasting;

/// <summary>Series built for the forecasting tests from plain formulas.</summary>
internal static class Series
{
    /// <summary>Monday..Sunday factors of a weekly pattern.</summary>
    public static readonly double[] Weekly = [1.05, 1.08, 1.10, 1.06, 1.00, 0.88, 0.83];

    /// <summary>A Monday.</summary>
    public static readonly DateOnly Start = new(2026, 1, 5);

    public static double Factor(DateOnly day) => Weekly[((int)day.DayOfWeek + 6) % 7];

    /// <summary>y = level · weekday factor · noise, where log-noise ~ N(0, sigma²) from a seeded generator.</summary>
    public static List<DailyPoint> WeeklyPattern(int days, double level, double sigma = 0.0, int seed = 1, DateOnly? start = null)
    {
        var random = new Random(seed);
        var first = start ?? Start;
        return Enumerable.Range(0, days).Select(i =>
        {
            var day = first.AddDays(i);
            return new DailyPoint(day, level * Factor(day) * Math.Exp(sigma * Normal(random)));
        }).ToList();
    }

    /// <summary>Box–Muller standard normal.</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
