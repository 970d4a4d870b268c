using System.Text.Json;
using ModScope.Common;
using ModScope.Model;
using ModScope.Store;
using static ModScope.Store.SqlText;

namespace ModScope.Ingest;

/// <summary>
/// Loads event files into a store. One call is one transaction: if it fails or is cancelled, the
/// store is left exactly as it was. Files already loaded (same SHA-256) are skipped.
/// </summary>
public sealed class Ingestor(ModScopeStore store)
{
    /// <summary>Sees every statement a load runs, before it runs (for tests).</summary>
    internal Action<string>? OnStatement { get; init; }

    public async Task<IngestResult> IngestAsync(
        IReadOnlyList<string> paths,
        IngestOptions options,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var files = InputResolver.Resolve(paths, options.Table);
        if (files.Count == 0)
        {
            throw new IngestException($"No event files found in {string.Join(", ", paths)} (expected names starting with " +
                $"{string.Join(", ", EventSchema.All.Select(t => t.Name))}).");
        }

        var digests = new List<FileDigest>(files.Count);
        var hashing = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var file in files)
        {
            digests.Add(await FileHasher.DigestAsync(file, cancellationToken).ConfigureAwait(false));
        }
        SqlRunner.TraceStep(hashing, $"hash and count lines of {files.Count} file(s)");

        using var connection = store.OpenConnection();
        var sql = new SqlRunner(connection, cancellationToken) { OnStatement = OnStatement };
        if (options.AssumeTimeZone is { } zone && sql.ScalarLong("SELECT count(*) FROM pg_timezone_names() WHERE name = $tz", ("tz", zone)) == 0)
        {
            throw new IngestException($"Unknown time zone '{zone}' for --assume-timezone; use an IANA name such as Asia/Singapore.");
        }

        var now = DateTime.UtcNow;
        var results = new List<FileResult>(files.Count);
        long released;
        long? loadId = null;
        using (var transaction = connection.BeginTransaction())
        {
            var known = sql.Rows("SELECT sha256 FROM files", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
            var nextFileId = sql.ScalarLong("SELECT coalesce(max(file_id), 0) + 1 FROM files");
            var newLoadId = sql.ScalarLong("SELECT coalesce(max(load_id), 0) + 1 FROM loads");
            var loader = new FileLoader(sql, options, now);
            var stager = new Stager(sql);
            var totalBytes = files.Sum(f => f.Bytes);
            var bytesDone = 0L;
            var filesDone = 0;
            var byPath = new Dictionary<string, FileResult>(StringComparer.Ordinal);
            var fresh = new Dictionary<string, (InputFile File, long Id, FileDigest Digest)>(StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++)
            {
                if (known.Add(digests[i].Sha256))
                {
                    fresh[files[i].Path] = (files[i], nextFileId++, digests[i]);
                }
                else
                {
                    byPath[files[i].Path] = new FileResult(files[i].Path, files[i].Table.Name, files[i].Format, FileStatus.AlreadyLoaded,
                        0, 0, 0, 0, 0, new Dictionary<string, long>(), "same content was already loaded");
                    bytesDone += files[i].Bytes;
                    filesDone++;
                }
            }

            // In file order (load order matters: decisions before the audits that need them).
            foreach (var unit in Batches(files.Where(f => fresh.ContainsKey(f.Path)).Select(f => (f, fresh[f.Path].Id, fresh[f.Path].Digest)), stager))
            {
                var unitResults = unit.Empty is { } empty ? [loader.LoadEmpty(empty.File, empty.Id)] : loader.LoadBatch(unit.Batch!);
                foreach (var result in unitResults)
                {
                    var entry = fresh[result.Path];
                    if (options.Strict && result.RowsQuarantined > result.RowsPending)
                    {
                        throw new IngestException(StrictFailure(sql, entry.File, entry.Id));
                    }
                    RecordFile(sql, newLoadId, entry.Id, entry.File, entry.Digest.Sha256, result, now);
                    byPath[result.Path] = result;
                    bytesDone += entry.File.Bytes;
                    filesDone++;
                }
                progress?.Report(new IngestProgress(filesDone, files.Count, bytesDone, totalBytes,
                    unitResults[^1].Name));
            }
            results.AddRange(files.Select(f => byPath[f.Path]));

            released = PendingRows.Release(sql, now);
            if (results.Any(r => r.Status != FileStatus.AlreadyLoaded))
            {
                loadId = newLoadId;
                sql.Execute("INSERT INTO loads VALUES ($id, $started, $finished, $files, $loaded, $quarantined, $pending, $released, $options)",
                    ("id", newLoadId), ("started", now), ("finished", DateTime.UtcNow), ("files", results.Count),
                    ("loaded", results.Sum(r => r.RowsLoaded)), ("quarantined", results.Sum(r => r.RowsQuarantined)),
                    ("pending", results.Sum(r => r.RowsPending)), ("released", released),
                    ("options", JsonSerializer.Serialize(options)));
            }
            cancellationToken.ThrowIfCancellationRequested();
            var committing = System.Diagnostics.Stopwatch.GetTimestamp();
            transaction.Commit();
            SqlRunner.TraceStep(committing, "commit");
        }
        return new IngestResult(loadId, results, released);
    }

    /// <summary>
    /// Groups files into units of work: an empty file alone; a file whose header does not fit alone; otherwise
    /// consecutive files of the same table, format and columns together (up to <see cref="BatchBytes"/>),
    /// so DuckDB reads many small daily files in one pass.
    /// </summary>
    private static IEnumerable<(FileBatch? Batch, (InputFile File, long Id)? Empty)> Batches(
        IEnumerable<(InputFile File, long Id, FileDigest Digest)> files, Stager stager)
    {
        var current = new List<(InputFile File, long Id, FileDigest Digest)>();
        FileShape? shape = null;
        var bytes = 0L;
        foreach (var (file, id, digest) in files)
        {
            var size = file.Bytes;
            if (size == 0)
            {
                yield return (null, (file, id));
                continue;
            }
            var fileShape = stager.Shape(file);
            var fits = shape is not null && current.Count > 0 && current[0].File.Table == file.Table && current[0].File.Format == file.Format
                       && shape.SameColumnsAs(fileShape) && bytes + size <= BatchBytes;
            if (!fits && current.Count > 0)
            {
                yield return (Batch(current, shape!), null);
                current = [];
                bytes = 0;
            }
            current.Add((file, id, digest));
            shape = fileShape;
            bytes += size;
            if (fileShape.Problem is not null)
            {
                yield return (new FileBatch([file], [id], [digest], fileShape), null);
                current = [];
                bytes = 0;
            }
        }
        if (current.Count > 0)
        {
            yield return (Batch(current, shape!), null);
        }
    }

    private static FileBatch Batch(List<(InputFile File, long Id, FileDigest Digest)> files, FileShape shape) =>
        new(files.Select(c => c.File).ToList(), files.Select(c => c.Id).ToList(), files.Select(c => c.Digest).ToList(), shape);

    /// <summary>The most bytes read in one pass; larger loads are split so progress moves and memory stays bounded.</summary>
    private const long BatchBytes = 256L << 20;

    private static void RecordFile(SqlRunner sql, long loadId, long fileId, InputFile file, string hash, FileResult result, DateTime now) =>
        sql.Execute("INSERT INTO files VALUES ($id, $load, $path, $name, $table, $format, $hash, $bytes, $read, $loaded, $replaced, $quarantined, $pending, $now)",
            ("id", fileId), ("load", loadId), ("path", Path.GetFullPath(file.Path)), ("name", file.Name), ("table", file.Table.Name),
            ("format", file.Format.ToString().ToLowerInvariant()), ("hash", hash), ("bytes", file.Bytes),
            ("read", result.RowsRead), ("loaded", result.RowsLoaded), ("replaced", result.RowsReplaced),
            ("quarantined", result.RowsQuarantined), ("pending", result.RowsPending), ("now", now));

    private static string StrictFailure(SqlRunner sql, InputFile file, long fileId)
    {
        var first = sql.Rows(
            "SELECT line, coalesce(field, ''), rule, message FROM quarantine WHERE file_id = $file AND status = 'rejected' ORDER BY line LIMIT 1",
            r => $"line {r.GetInt64(0)}, field '{r.GetString(1)}': {r.GetString(3)} ({r.GetString(2)})", ("file", fileId));
        return $"{file.Path}: {first.FirstOrDefault() ?? "bad rows"}; --strict loads nothing when a file has bad rows.";
    }
}
