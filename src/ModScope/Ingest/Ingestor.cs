using System.Text.Json;
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

        var hashes = new List<string>(files.Count);
        foreach (var file in files)
        {
            hashes.Add(await FileHasher.HashAsync(file.Path, cancellationToken).ConfigureAwait(false));
        }

        using var connection = store.OpenConnection();
        var sql = new SqlRunner(connection, cancellationToken);
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
            var totalBytes = files.Sum(f => new FileInfo(f.Path).Length);
            var bytesDone = 0L;
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                FileResult result;
                if (!known.Add(hashes[i]))
                {
                    result = new FileResult(file.Path, file.Table.Name, file.Format, FileStatus.AlreadyLoaded, 0, 0, 0, 0, 0,
                        new Dictionary<string, long>(), "same content was already loaded");
                }
                else
                {
                    var fileId = nextFileId++;
                    result = loader.Load(file, fileId);
                    if (options.Strict && result.RowsQuarantined > result.RowsPending)
                    {
                        throw new IngestException(StrictFailure(sql, file, fileId));
                    }
                    RecordFile(sql, newLoadId, fileId, file, hashes[i], result, now);
                }
                results.Add(result);
                bytesDone += new FileInfo(file.Path).Length;
                progress?.Report(new IngestProgress(i + 1, files.Count, bytesDone, totalBytes, file.Name));
            }

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
            transaction.Commit();
        }
        return new IngestResult(loadId, results, released);
    }

    private static void RecordFile(SqlRunner sql, long loadId, long fileId, InputFile file, string hash, FileResult result, DateTime now) =>
        sql.Execute("INSERT INTO files VALUES ($id, $load, $path, $name, $table, $format, $hash, $bytes, $read, $loaded, $replaced, $quarantined, $pending, $now)",
            ("id", fileId), ("load", loadId), ("path", Path.GetFullPath(file.Path)), ("name", file.Name), ("table", file.Table.Name),
            ("format", file.Format.ToString().ToLowerInvariant()), ("hash", hash), ("bytes", new FileInfo(file.Path).Length),
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
