using CsCheck;
using ModScope.Ingest;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Ingest;

/// <summary>
/// The ingest invariant, by property: loads of 1-4 generated files with random mixtures of corruptions (bad values,
/// far-future timestamps, control characters, short and long rows, Latin-1 bytes, nested JSON, broken JSON, mixed
/// line ends, empty files, huge headers, damaged gzip and Parquet) and names DuckDB would take for patterns. For every
/// file: rows read = loaded + quarantined (pending included); each of its data lines is either a loaded row or a
/// quarantined one, exactly once; a file that is not read has one whole-file entry; the summary equals the store's
/// counts and the load's history; with --strict the load either has nothing to quarantine or fails, leaving every
/// table's checksum as it was. Ids repeat within and across files and against an earlier load.
/// </summary>
public sealed class IngestInvariantTests
{
    private static readonly string[] Tables = ["decisions", "quarantine", "files", "loads"];

    private static readonly Gen<(List<GeneratedFile> Files, bool Strict)> Loads =
        Gen.Select(GeneratedFile.Gen.List[1, 4], Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true))));

    [Fact]
    public async Task Every_row_of_every_file_is_loaded_or_quarantined_exactly_once() =>
        // About 30 loads (1-2 s each on 2 cores); a failure prints the seed and the smallest load that fails.
        await Loads.SampleAsync(async load => await Check(load.Files, load.Strict), iter: 30, threads: 1);

    private static async Task Check(List<GeneratedFile> generated, bool strict)
    {
        using var store = new TempStore();
        await new Ingestor(store.Store).IngestAsync([WriteCsv(store.File("decisions-earlier.csv"), Header, Enumerable.Range(1, 5).Select(i => Valid(i)))],
            new IngestOptions());
        var folder = store.File("load");
        Directory.CreateDirectory(folder);
        var paths = generated.Select((f, i) => (File: f, Path: f.Write(folder, i))).ToList();
        var before = Snapshot(store);

        IngestResult result;
        try
        {
            result = await new Ingestor(store.Store).IngestAsync([folder], new IngestOptions(Strict: strict));
        }
        catch (IngestException) when (strict)
        {
            Assert.Equal(before, Snapshot(store));
            return;
        }

        if (strict)
        {
            Assert.All(result.Files, f => Assert.Equal(0, f.RowsQuarantined));
            Assert.DoesNotContain(result.Files, f => f.Status == FileStatus.Rejected);
        }
        Assert.Equal(paths.Count, result.Files.Count);
        foreach (var (file, path) in paths)
        {
            var outcome = result.Files.Single(f => f.Path == path);
            if (outcome.Status == FileStatus.AlreadyLoaded)
            {
                // The same bytes as another file of the load: nothing of its own is stored.
                Assert.Equal(0, store.Count($"SELECT count(*) FROM files WHERE path = '{Sql(path)}'"));
                continue;
            }
            var id = store.Count($"SELECT file_id FROM files WHERE path = '{Sql(path)}'");
            Assert.Equal(outcome.RowsRead, outcome.RowsLoaded + outcome.RowsQuarantined);
            Assert.Equal([outcome.RowsRead, outcome.RowsLoaded, outcome.RowsQuarantined, outcome.RowsPending],
                store.Rows($"SELECT rows_read, rows_loaded, rows_quarantined, rows_pending FROM files WHERE file_id = {id}").Single());
            Assert.Equal(outcome.RowsLoaded, store.Count($"SELECT count(*) FROM decisions WHERE file_id = {id}"));
            Assert.Equal(outcome.RowsQuarantined, store.Count($"SELECT count(*) FROM quarantine WHERE file_id = {id} AND line IS NOT NULL"));
            if (file.WholeFileRule is { } rule)
            {
                Assert.Equal(FileStatus.Rejected, outcome.Status);
                Assert.Equal([rule], store.Rows($"SELECT rule FROM quarantine WHERE file_id = {id}").Select(r => r[0]));
                continue;
            }
            var lines = store.Rows($"SELECT line FROM decisions WHERE file_id = {id} UNION ALL SELECT line FROM quarantine WHERE file_id = {id} ORDER BY 1")
                .Select(r => (long)r[0]!);
            Assert.Equal(file.DataLines, lines);
        }
        Assert.Equal([result.Files.Sum(f => f.RowsLoaded), result.Files.Sum(f => f.RowsQuarantined)],
            store.Rows($"SELECT rows_loaded, rows_quarantined FROM loads WHERE load_id = {result.LoadId ?? 0}").Single());
        Assert.Equal(5 + result.RowsLoaded, store.Count("SELECT count(*) FROM decisions"));
    }

    /// <summary>Row count and an order-independent checksum of every row's text, per table.</summary>
    private static Dictionary<string, (long, string)> Snapshot(TempStore store) =>
        Tables.ToDictionary(t => t, t =>
        {
            var row = store.Rows($"SELECT count(*), coalesce(md5(string_agg(CAST(x AS VARCHAR), '\n' ORDER BY CAST(x AS VARCHAR))), '') FROM {t} x").Single();
            return ((long)row[0]!, (string)row[1]!);
        });

    private static string Sql(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
