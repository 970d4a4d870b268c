using System.Diagnostics;
using System.Globalization;
using ModScope.Monitor.Detection;

namespace ModScope.Bench;

/// <summary>
/// The anomaly detector's speed. <c>detect --points N</c>: one five-minute series with a daily cycle (fixed seed),
/// <see cref="SeriesDetector.Detect"/> timed as the median of 5 runs. <c>detect --series S --points N</c>: a monitor
/// scan, S daily series of N points with a weekly cycle, detected in parallel over series; total wall time.
/// </summary>
internal static class DetectBench
{
    private const int Runs = 5;
    private const int DistinctSeries = 256;

    public static int Run(string[] args)
    {
        int? points = null;
        int? series = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--points" or "--series" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                if (args[i] == "--points")
                {
                    points = n;
                }
                else
                {
                    series = n;
                }
                i++;
            }
            else
            {
                Console.Error.WriteLine($"bench: unknown or invalid argument '{args[i]}'; usage: detect [--points N] | detect --series S [--points N]");
                return 2;
            }
        }
        return series is { } s ? MonitorScan(s, points ?? 365) : OneSeries(points ?? 20_000);
    }

    private static int OneSeries(int points)
    {
        var data = Generate(new Random(20_261_111), points, TimeSpan.FromMinutes(5), t => 100.0 + (30.0 * Math.Sin(2.0 * Math.PI * t.TimeOfDay.TotalHours / 24.0)), 5.0);
        var result = SeriesDetector.Detect(data); // warm-up
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = SeriesDetector.Detect(data);
            times.Add(watch.Elapsed.TotalSeconds);
        }
        var median = times.Order().ElementAt(Runs / 2);
        Console.WriteLine();
        Console.WriteLine("| points | interval | season found | alerts | seconds (median of 5) | points/second |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {points:N0} | {result.Interval} | {result.Period?.ToString(CultureInfo.InvariantCulture) ?? "none"} | {result.Episodes.Count} | {median:F3} | {points / median:N0} |"));
        return 0;
    }

    private static int MonitorScan(int series, int points)
    {
        // A pool of distinct series, reused round-robin: the detector keeps no state between calls, and the pool keeps
        // generation out of the timing and memory small.
        var pool = Enumerable.Range(0, Math.Min(series, DistinctSeries))
            .Select(s => Generate(new Random(s), points, TimeSpan.FromDays(1), t => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1400.0 : 1000.0, 20.0))
            .ToArray();
        _ = SeriesDetector.Detect(pool[0]); // warm-up
        var alerts = new int[series];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, series, s => alerts[s] = SeriesDetector.Detect(pool[s % pool.Length]).Episodes.Count);
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine("| series | points each | cores | alerts | seconds | series/second |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {series:N0} | {points:N0} | {Environment.ProcessorCount} | {alerts.Sum():N0} | {seconds:F2} | {series / seconds:N0} |"));
        Console.WriteLine("Target: a monitor scan of 20 metrics x 1,000 segments x 365 points (20,000 series) in under 10 s on 2 cores.");
        return 0;
    }

    /// <summary><paramref name="n"/> points every <paramref name="interval"/>: shape(time) plus N(0, σ²) noise (Box–Muller).</summary>
    private static SeriesPoint[] Generate(Random random, int n, TimeSpan interval, Func<DateTime, double> shape, double sigma)
    {
        var start = new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc);
        var data = new SeriesPoint[n];
        for (var i = 0; i < n; i++)
        {
            var time = start + (interval * i);
            var noise = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
            data[i] = new SeriesPoint(time, shape(time) + (sigma * noise));
        }
        return data;
    }
}
