using System.Diagnostics;
using System.Globalization;
using ModScope.Explain;

namespace ModScope.Bench;

/// <summary>
/// Root-cause search on a synthetic cube (fixed seed): about <c>--leaves</c> leaves over <c>--dims</c> dimensions,
/// expected values lognormal, 5% relative noise, and two injected causes (a whole value of the first dimension ×0.6,
/// and a three-value conjunction ×1.5). Times <see cref="RootCauseSearch.Find"/> (median of 5, wall and the process's
/// CPU over all threads, which a loaded machine does not inflate) and checks the causes.
/// </summary>
internal static class ExplainBench
{
    private const int Runs = 5;

    public static int Run(string[] args)
    {
        var (leaves, dims) = (100_000, 5);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--leaves" or "--dims" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                (leaves, dims) = args[i] == "--leaves" ? (n, dims) : (leaves, n);
                i++;
            }
            else
            {
                Console.Error.WriteLine($"bench: unknown or invalid argument '{args[i]}'; usage: explain [--leaves N] [--dims D] (D >= 3)");
                return 2;
            }
        }
        if (dims < 3)
        {
            Console.Error.WriteLine("bench: --dims must be at least 3 (the injected conjunction spans three dimensions).");
            return 2;
        }

        var (cube, injected) = Generate(leaves, dims);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cube: {cube.Leaves.Count:N0} leaves x {dims} dimensions; injected {string.Join(", ", injected)}."));
        RootCauseSearch.Find(cube); // warm-up
        var times = new List<double>();
        var cpu = new List<double>();
        RootCauseResult? result = null;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < Runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = RootCauseSearch.Find(cube);
            times.Add(watch.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        var found = result!.Causes.Select(c => c.ToString()).ToList();
        var recovered = found.Order(StringComparer.Ordinal).SequenceEqual(injected.Order(StringComparer.Ordinal));
        Console.WriteLine();
        Console.WriteLine("| leaves | dims | wall s (median of 5) | CPU s, all threads (median of 5) | found | recovered |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {cube.Leaves.Count:N0} | {dims} | {times.Order().ElementAt(Runs / 2):F3} | {cpu.Order().ElementAt(Runs / 2):F3} | {string.Join("; ", found)} | {(recovered ? "yes" : "NO")} |"));
        Console.WriteLine("Target: under 1 s for 100,000 leaves x 5 dimensions, with the injected causes recovered.");
        return recovered ? 0 : 1;
    }

    private static (Cube Cube, string[] Injected) Generate(int leaves, int dims)
    {
        var random = new Random(20_260_901);
        var cardinality = Math.Max(10, (int)Math.Ceiling(Math.Pow(leaves, 1.0 / dims)));
        var grid = Math.Pow(cardinality, dims);
        var names = Enumerable.Range(1, dims).Select(d => $"d{d}").ToArray();
        var rows = new List<CubeLeaf>(leaves);
        for (var i = 0L; i < grid; i++)
        {
            if (random.NextDouble() * grid >= leaves)
            {
                continue;
            }
            var values = new string[dims];
            var rest = i;
            for (var d = 0; d < dims; d++)
            {
                values[d] = $"v{rest % cardinality}";
                rest /= cardinality;
            }
            var expected = Math.Exp(4 + Gaussian(random));
            var ratio = values[0] == "v3" ? 0.6 : values[0] == "v7" && values[1] == "v4" && values[2] == "v1" ? 1.5 : 1.0;
            rows.Add(new CubeLeaf(values, expected * (1 + (0.05 * Gaussian(random))) * ratio, expected));
        }
        return (new Cube(names, rows), ["d1=v3", "d1=v7 & d2=v4 & d3=v1"]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
