using System.Globalization;
using ModScope.Ingest;
using ModScope.Sources;

namespace ModScope.Bench;

/// <summary>
/// The source mapping's own cost, measured on a shared, noisy machine by interleaved repeats (<c>ingest --mapping
/// --pairs N</c>): the same decisions written once in our spelling and once as a producer's export
/// (<see cref="MappedBenchData"/>), then N times in turn: raw <c>read_csv</c> of our file, <c>modscope ingest</c> of it,
/// raw <c>read_csv</c> of their file, <c>modscope ingest --mapping</c> of it (rows only, no rollup: the rollup reads the
/// stored rows and does not see the mapping). Each step goes into a fresh database file, deleted after it. Printed: every
/// step with the load average, then the median over the pairs of each ratio (plain / raw, mapped / raw, mapped / plain),
/// wall and CPU; a median of per-pair ratios, so a load spike in one pair moves one ratio, not the result.
/// </summary>
internal static class IngestPairs
{
    public static async Task<int> Run(long decisions, int pairs)
    {
        var dir = Directory.CreateTempSubdirectory("modscope-bench-pairs-").FullName;
        try
        {
            var mapping = SourceMappingParser.Parse(MappedBenchData.Mapping, "bench sources.yaml");
            var ours = Path.Combine(dir, "decisions-ours.csv");
            var theirs = Path.Combine(dir, "decisions-theirs.csv");
            Console.WriteLine($"Writing {decisions:N0} decisions twice (ours, a producer's export) to {dir} ...");
            BenchData.WriteDecisionsCsv(ours, decisions);
            MappedBenchData.WriteDecisionsCsv(theirs, decisions, mapping);
            Console.WriteLine($"ours {Folder.Megabytes(ours):N0} MiB, theirs {Folder.Megabytes(theirs):N0} MiB; {Environment.ProcessorCount} cores");
            Console.WriteLine();
            Console.WriteLine("| pair | step | wall s | CPU s | load average before |");
            Console.WriteLine("|---|---|---|---|---|");
            var ratios = new List<Ratios>();
            for (var pair = 1; pair <= pairs; pair++)
            {
                var rawOurs = Step(pair, "raw read_csv (ours)", () => IngestBench.RawLoad(dir, "raw.duckdb", ours), dir);
                var plain = await StepAsync(pair, "modscope ingest", dir, ours, new IngestOptions(), decisions);
                var rawTheirs = Step(pair, "raw read_csv (theirs)", () => IngestBench.RawLoad(dir, "raw.duckdb", theirs), dir);
                var mapped = await StepAsync(pair, "modscope ingest --mapping", dir, theirs, new IngestOptions { Mapping = mapping }, decisions);
                ratios.Add(new Ratios(plain.Wall / rawOurs.Wall, plain.Cpu / rawOurs.Cpu, mapped.Wall / rawTheirs.Wall, mapped.Cpu / rawTheirs.Cpu,
                    mapped.Wall / plain.Wall, mapped.Cpu / plain.Cpu));
            }
            Console.WriteLine();
            Console.WriteLine($"medians over {pairs} pairs (wall / CPU): plain / raw {Median(ratios, r => r.PlainWall)} / {Median(ratios, r => r.PlainCpu)}; " +
                              $"mapped / raw {Median(ratios, r => r.MappedWall)} / {Median(ratios, r => r.MappedCpu)} (target <= 1.5); " +
                              $"mapped / plain {Median(ratios, r => r.OwnWall)} / {Median(ratios, r => r.OwnCpu)}; load average at end: {LoadAverage.Now()}");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (double Wall, double Cpu) Step(int pair, string name, Func<(TimeSpan Wall, TimeSpan Cpu)> run, string dir)
    {
        var load = LoadAverage.Now();
        var (wall, cpu) = run();
        File.Delete(Path.Combine(dir, "raw.duckdb"));
        Console.WriteLine($"| {pair} | {name} | {IngestBench.S(wall)} | {IngestBench.S(cpu)} | {load} |");
        return (wall.TotalSeconds, cpu.TotalSeconds);
    }

    private static async Task<(double Wall, double Cpu)> StepAsync(int pair, string name, string dir, string csv, IngestOptions options, long decisions)
    {
        var load = LoadAverage.Now();
        var ((wall, cpu), _, result) = await IngestBench.Ingest(dir, "store.duckdb", csv, options, null);
        foreach (var file in Directory.EnumerateFiles(dir, "store.duckdb*"))
        {
            File.Delete(file);
        }
        if (result.RowsLoaded != decisions)
        {
            throw new InvalidOperationException($"bench: {name} loaded {result.RowsLoaded:N0} of {decisions:N0} rows ({result.RowsQuarantined:N0} quarantined)");
        }
        Console.WriteLine($"| {pair} | {name} | {IngestBench.S(wall)} | {IngestBench.S(cpu)} | {load} |");
        return (wall.TotalSeconds, cpu.TotalSeconds);
    }

    private static string Median(List<Ratios> ratios, Func<Ratios, double> of)
    {
        var sorted = ratios.Select(of).Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return median.ToString("F2", CultureInfo.InvariantCulture) + "x";
    }

    private sealed record Ratios(double PlainWall, double PlainCpu, double MappedWall, double MappedCpu, double OwnWall, double OwnCpu);
}
