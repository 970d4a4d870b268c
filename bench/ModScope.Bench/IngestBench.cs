using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using ModScope.Ingest;
using ModScope.Store;

namespace ModScope.Bench;

/// <summary>
/// `modscope ingest` of one large decisions CSV versus DuckDB's own `read_csv` into a table of the same
/// file, each into a fresh database file, in one run.
/// </summary>
internal static class IngestBench
{
    public static async Task<int> Run(long decisions)
    {
        var dir = Directory.CreateTempSubdirectory("modscope-bench-").FullName;
        try
        {
            var csv = Path.Combine(dir, "decisions-bench.csv");
            Console.WriteLine($"Writing {decisions:N0} decisions to {csv} ...");
            BenchData.WriteDecisionsCsv(csv, decisions);
            Console.WriteLine($"File size: {new FileInfo(csv).Length / 1e6:N0} MB");

            var raw = Stopwatch.StartNew();
            using (var connection = new DuckDBConnection($"Data Source={Path.Combine(dir, "raw.duckdb")}"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"CREATE TABLE decisions AS SELECT * FROM read_csv('{csv}')";
                command.ExecuteNonQuery();
            }
            raw.Stop();

            var modscope = Stopwatch.StartNew();
            IngestResult result;
            using (var store = ModScopeStore.Open(Path.Combine(dir, "modscope.duckdb")))
            {
                result = await new Ingestor(store).IngestAsync([csv], new IngestOptions());
            }
            modscope.Stop();
            if (result.RowsLoaded != decisions)
            {
                Console.Error.WriteLine($"bench: expected {decisions:N0} rows loaded, got {result.RowsLoaded:N0} ({result.RowsQuarantined:N0} quarantined).");
                return 1;
            }

            Console.WriteLine();
            Console.WriteLine($"| step | seconds |");
            Console.WriteLine($"|---|---|");
            Console.WriteLine($"| DuckDB read_csv into a table | {raw.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} |");
            Console.WriteLine($"| modscope ingest (hash, validate, load, quarantine) | {modscope.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} |");
            Console.WriteLine($"ratio modscope / raw = {(modscope.Elapsed.TotalSeconds / raw.Elapsed.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture)} (target <= 1.5)");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
