using ModScope.Monitor.Detection;

namespace ModScope.Tests.Monitor.Detection;

/// <summary>
/// Seeded synthetic series with known structure (level, season, noise σ), written plainly so that where an anomaly
/// is planted, and how big it is, is known without the detector under test.
/// </summary>
public sealed class SeriesGenerator(int seed)
{
    /// <summary>A Monday at midnight UTC, so day-of-week and hour-of-day follow from the index.</summary>
    public static readonly DateTime Start = new(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    private readonly Random _random = new(seed);

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Gaussian()
    {
        var u = 1.0 - _random.NextDouble();
        var v = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    public double Uniform() => _random.NextDouble();

    /// <summary><paramref name="n"/> points every <paramref name="interval"/>: shape(time) plus N(0, σ²) noise.</summary>
    public SeriesPoint[] Generate(int n, TimeSpan interval, Func<DateTime, double> shape, double sigma)
    {
        var points = new SeriesPoint[n];
        for (var i = 0; i < n; i++)
        {
            var time = Start + (interval * i);
            points[i] = new SeriesPoint(time, shape(time) + (sigma * Gaussian()));
        }
        return points;
    }

    /// <summary>Hourly white noise around 100.</summary>
    public SeriesPoint[] WhiteNoise(int n, double sigma = 5.0) =>
        Generate(n, TimeSpan.FromHours(1), _ => 100.0, sigma);

    /// <summary>Hourly data with a daily cycle: 100 ± 30 by hour of day (peak at 06:00), plus noise.</summary>
    public SeriesPoint[] HourlyWithDailyCycle(int n, double sigma = 5.0) =>
        Generate(n, TimeSpan.FromHours(1), DailyCycle, sigma);

    /// <summary>Daily data with a weekly cycle: 1000 on weekdays, 40% higher (1400) on Saturdays and Sundays, plus noise.</summary>
    public SeriesPoint[] DailyWithWeeklyCycle(int n, double sigma = 20.0) =>
        Generate(n, TimeSpan.FromDays(1), WeeklyCycle, sigma);

    /// <summary>Five-minute data with a daily cycle (288 points a day), as a monitor sees decision volumes.</summary>
    public SeriesPoint[] FiveMinutesWithDailyCycle(int n, double sigma = 5.0) =>
        Generate(n, TimeSpan.FromMinutes(5), DailyCycle, sigma);

    /// <summary>Hourly Gaussian random walk starting at 1000 with steps of σ.</summary>
    public SeriesPoint[] RandomWalk(int n, double sigma = 5.0)
    {
        var points = new SeriesPoint[n];
        var level = 1000.0;
        for (var i = 0; i < n; i++)
        {
            level += sigma * Gaussian();
            points[i] = new SeriesPoint(Start + TimeSpan.FromHours(i), level);
        }
        return points;
    }

    /// <summary>
    /// Roughly hourly data with the daily cycle: each gap 45 to 75 minutes, one in twenty followed by a three-hour
    /// hole, and one value in twenty missing (NaN).
    /// </summary>
    public SeriesPoint[] IrregularHourlyWithGaps(int n, double sigma = 5.0)
    {
        var points = new SeriesPoint[n];
        var time = Start;
        for (var i = 0; i < n; i++)
        {
            time += TimeSpan.FromMinutes(45.0 + (30.0 * Uniform()));
            if (Uniform() < 0.05)
            {
                time += TimeSpan.FromHours(3);
            }
            var value = DailyCycle(time) + (sigma * Gaussian());
            points[i] = new SeriesPoint(time, Uniform() < 0.05 ? double.NaN : value);
        }
        return points;
    }

    /// <summary>A shuffled copy (Fisher–Yates).</summary>
    public T[] Shuffle<T>(T[] items)
    {
        var copy = (T[])items.Clone();
        for (var i = copy.Length - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }

    public static double DailyCycle(DateTime time) =>
        100.0 + (30.0 * Math.Sin(2.0 * Math.PI * time.TimeOfDay.TotalHours / 24.0));

    public static double WeeklyCycle(DateTime time) =>
        time.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1400.0 : 1000.0;

    /// <summary>A copy with the value at <paramref name="index"/> replaced.</summary>
    public static SeriesPoint[] WithValue(SeriesPoint[] points, int index, double value)
    {
        var copy = (SeriesPoint[])points.Clone();
        copy[index] = copy[index] with { Value = value };
        return copy;
    }

    /// <summary>A copy with <paramref name="delta"/> added at <paramref name="index"/>.</summary>
    public static SeriesPoint[] WithSpike(SeriesPoint[] points, int index, double delta)
    {
        var copy = (SeriesPoint[])points.Clone();
        copy[index] = copy[index] with { Value = copy[index].Value + delta };
        return copy;
    }

    /// <summary>A copy with <paramref name="delta"/> added from <paramref name="from"/> to the end.</summary>
    public static SeriesPoint[] WithLevelShift(SeriesPoint[] points, int from, double delta)
    {
        var copy = (SeriesPoint[])points.Clone();
        for (var i = from; i < copy.Length; i++)
        {
            copy[i] = copy[i] with { Value = copy[i].Value + delta };
        }
        return copy;
    }
}
