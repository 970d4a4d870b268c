using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Query.Rollups;
using ModScope.Sources;
using ModScope.Store;

namespace ModScope.Bench;

/// <summary>
/// `modscope ingest` of one large decisions CSV versus DuckDB's own `CREATE TABLE … AS SELECT * FROM read_csv(…)`
/// of the same file, in one run: each into a fresh database file in the same folder, both with DuckDB's default
/// settings (threads = cores), the raw load first, then ModScope without and with the catalogue's rollup (built in the
/// load). The ModScope time covers creating the store, hashing the file, checking every row, loading, the rollup, and
/// closing the store; the raw time covers opening, loading and closing.
/// Wall and process CPU time are both shown, since a shared machine's load moves wall time. With a mapping the file is
/// a producer's export (<see cref="MappedBenchData"/>: its own column names, enums, wall-clock times, extra columns),
/// read raw as it is and by <c>modscope ingest --mapping</c>.
/// </summary>
internal static class IngestBench
{
    /// <param name="keptCsv">A file to write the decisions to once and reuse in later runs (the run does not delete it).</param>
    public static async Task<int> Run(long decisions, bool mapped = false, string? keptCsv = null)
    {
        var dir = Directory.CreateTempSubdirectory("modscope-bench-").FullName;
        try
        {
            var csv = keptCsv ?? Path.Combine(dir, "decisions-bench.csv");
            var options = new IngestOptions();
            if (mapped)
            {
                options = options with { Mapping = SourceMappingParser.Parse(MappedBenchData.Mapping, "bench sources.yaml") };
            }
            if (keptCsv is not null && File.Exists(keptCsv))
            {
                Console.WriteLine($"Reusing {csv} (written by an earlier run with the same --decisions and --mapping)");
            }
            else
            {
                Console.WriteLine($"Writing {decisions:N0} decisions to {csv} ...");
                if (mapped)
                {
                    MappedBenchData.WriteDecisionsCsv(csv, decisions, options.Mapping!);
                }
                else
                {
                    BenchData.WriteDecisionsCsv(csv, decisions);
                }
            }
            Console.WriteLine($"File size: {new FileInfo(csv).Length / 1e6:N0} MB; load average at start: {LoadAverage()}");

            var rawTime = RawLoad(dir, "raw.duckdb", csv);

            var (plain, _, plainResult) = await Ingest(dir, "plain.duckdb", csv, options, null);
            var maintainer = new RollupMaintainer(CatalogLoader.LoadDefault());
            var (modscopeTime, opened, result) = await Ingest(dir, "modscope.duckdb", csv, options, maintainer);
            foreach (var loaded in new[] { plainResult, result }.Where(r => r.RowsLoaded != decisions))
            {
                Console.Error.WriteLine($"bench: expected {decisions:N0} rows loaded, got {loaded.RowsLoaded:N0} ({loaded.RowsQuarantined:N0} quarantined).");
                return 1;
            }

            Console.WriteLine();
            Console.WriteLine("| step | wall s | CPU s |");
            Console.WriteLine("|---|---|---|");
            Console.WriteLine($"| DuckDB CREATE TABLE AS SELECT * FROM read_csv (fresh database) | {S(rawTime.Wall)} | {S(rawTime.Cpu)} |");
            Console.WriteLine($"| modscope ingest{(mapped ? " --mapping" : "")} without the rollup | {S(plain.Wall)} | {S(plain.Cpu)} |");
            Console.WriteLine($"| modscope ingest{(mapped ? " --mapping" : "")} (fresh store: create {S(opened)} s, hash, check, load, quarantine, rollup, close) | {S(modscopeTime.Wall)} | {S(modscopeTime.Cpu)} |");
            if (maintainer.LastUpkeep is { } upkeep)
            {
                Console.WriteLine($"| of which the rollup's upkeep inside the load's transaction | {S(upkeep.Wall)} | {S(upkeep.Cpu)} |");
            }
            Console.WriteLine($"ratio modscope / raw = {R(modscopeTime.Wall / rawTime.Wall)} wall, {R(modscopeTime.Cpu / rawTime.Cpu)} CPU (target <= 1.6 with the rollup); " +
                              $"without the rollup {R(plain.Wall / rawTime.Wall)} wall, {R(plain.Cpu / rawTime.Cpu)} CPU (target <= 1.5); load average at end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>DuckDB's own <c>CREATE TABLE decisions AS SELECT * FROM read_csv(…)</c> of the file into a fresh database file.</summary>
    internal static (TimeSpan Wall, TimeSpan Cpu) RawLoad(string dir, string name, string csv)
    {
        var raw = Measure.Start();
        using (var connection = new DuckDBConnection($"Data Source={Path.Combine(dir, name)}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE TABLE decisions AS SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}')";
            command.ExecuteNonQuery();
        }
        return raw.Stop();
    }

    /// <summary>`modscope ingest` of the file into a fresh store, with the given maintenance (none: rows only).</summary>
    internal static async Task<((TimeSpan Wall, TimeSpan Cpu) Time, TimeSpan Opened, IngestResult Result)> Ingest(string dir, string name, string csv, IngestOptions options, LoadMaintenance? maintenance)
    {
        var clock = Measure.Start();
        IngestResult result;
        TimeSpan opened;
        using (var store = ModScopeStore.Open(Path.Combine(dir, name)))
        {
            opened = clock.Wall.Elapsed;
            result = await new Ingestor(store) { Maintenance = maintenance }.IngestAsync([csv], options);
        }
        return (clock.Stop(), opened, result);
    }

    internal static string S(TimeSpan t) => t.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);

    internal static string R(double ratio) => ratio.ToString("F2", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Wall time and this process's CPU time (all threads, DuckDB's included) since start.</summary>
    private sealed class Measure
    {
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public Stopwatch Wall { get; } = Stopwatch.StartNew();

        public static Measure Start() => new();

        public (TimeSpan Wall, TimeSpan Cpu) Stop()
        {
            Wall.Stop();
            return (Wall.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - _cpu);
        }
    }
}
