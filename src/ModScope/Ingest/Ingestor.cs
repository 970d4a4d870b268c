using System.Text.Json;
using ModScope.Common;
using ModScope.Model;
using ModScope.Sources;
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

    /// <summary>What each load that wrote something also brings up to date in its transaction (the rollup), or nothing.</summary>
    public LoadMaintenance? Maintenance { get; init; }

    /// <exception cref="IngestException">The input cannot be loaded (see <see cref="InputResolver"/>), or --strict found a bad file.</exception>
    /// <exception cref="DiskFullException">The disk filled up; the load was rolled back (<see cref="StoreSpace.Reclaim"/> frees what it wrote).</exception>
    /// <exception cref="StoreDamagedException">The store file has a damaged block; it is marked so nothing more is written.</exception>
    public async Task<IngestResult> IngestAsync(
        IReadOnlyList<string> paths,
        IngestOptions options,
        IProgress<IngestProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return await LoadAsync(paths, options, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreErrors.Translate(ex.InnerException is DuckDB.NET.Data.DuckDBException inner ? inner : ex, store.Path) is { } storeError)
        {
            throw storeError;
        }
    }

    private async Task<IngestResult> LoadAsync(IReadOnlyList<string> paths, IngestOptions options, IProgress<IngestProgress>? progress,
        CancellationToken cancellationToken)
    {
        var files = MappedFiles(InputResolver.Resolve(paths, options.Table), options.Mapping ?? SourceMapping.None, options.MetricIds);
        if (files.Count == 0)
        {
            throw new IngestException($"No data files found in {string.Join(", ", paths)} (expected names starting with " +
                $"{string.Join(", ", Tables.All.Select(t => t.Name))}).");
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
        var (earliest, latest) = options.Window(now);
        if (earliest >= latest)
        {
            throw new IngestException($"The accepted time window is empty: --earliest {earliest:yyyy-MM-dd HH:mm} is not before --latest {latest:yyyy-MM-dd HH:mm}.");
        }

        // Everything that can make DuckDB stop on a file is looked at before the transaction, where a failing
        // statement would end the whole load: each file gets a literal read path, and its header or schema is read.
        using var literal = new LiteralPaths();
        var stager = new Stager(sql);
        var inputs = new List<Input>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var problem = digests[i].Problem is { } damaged ? new FileProblem(QuarantineRules.UnreadableFile, $"{file.Name}: {damaged}")
                : file.Bytes == 0 ? new FileProblem(QuarantineRules.EmptyFile, $"{file.Name} is empty: no header and no rows")
                : null;
            if (problem is null)
            {
                file = literal.Prepare(file, digests[i]);
                var shape = stager.Shape(file);
                inputs.Add(new Input(file, digests[i], shape, shape.Unreadable));
            }
            else
            {
                inputs.Add(new Input(file, digests[i], null, problem));
            }
        }

        var results = new List<FileResult>(files.Count);
        long released;
        long? loadId = null;
        using (var transaction = connection.BeginTransaction())
        {
            var known = sql.Rows("SELECT sha256 FROM files", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
            var nextFileId = sql.ScalarLong("SELECT coalesce(max(file_id), 0) + 1 FROM files");
            var newLoadId = sql.ScalarLong("SELECT coalesce(max(load_id), 0) + 1 FROM loads");
            foreach (var table in files.Select(f => f.Table).Distinct())
            {
                StoredExtraColumns.Ensure(sql, table, options.MappingFile);
            }
            var loader = new FileLoader(sql, options, now);
            var totalBytes = files.Sum(f => f.Bytes);
            var bytesDone = 0L;
            var filesDone = 0;
            var byPath = new Dictionary<string, FileResult>(StringComparer.Ordinal);
            var fresh = new List<(Input Input, long Id)>();
            foreach (var input in inputs)
            {
                if (known.Add(input.Digest.Sha256))
                {
                    fresh.Add((input, nextFileId++));
                }
                else
                {
                    byPath[input.File.Path] = new FileResult(input.File.Path, input.File.Table.Name, input.File.Format, FileStatus.AlreadyLoaded,
                        0, 0, 0, 0, 0, new Dictionary<string, long>(), "same content was already loaded");
                    bytesDone += input.File.Bytes;
                    filesDone++;
                }
            }
            var entries = fresh.ToDictionary(f => f.Input.File.Path, StringComparer.Ordinal);

            // In file order (load order matters: decisions before the audits that need them).
            foreach (var unit in Batches(fresh))
            {
                var unitResults = unit.Unread is { } unread
                    ? [loader.LoadUnread(unread.Input.File, unread.Id, unread.Input.Problem!)]
                    : loader.LoadBatch(unit.Batch!);
                foreach (var result in unitResults)
                {
                    var (input, id) = entries[result.Path];
                    if (options.Strict && (result.RowsQuarantined > result.RowsPending || result.Status == FileStatus.Rejected))
                    {
                        throw new IngestException(StrictFailure(sql, input.File, id, result));
                    }
                    RecordFile(sql, newLoadId, id, input.File, input.Digest.Sha256, result, now);
                    byPath[result.Path] = result;
                    bytesDone += input.File.Bytes;
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
                var maintaining = System.Diagnostics.Stopwatch.GetTimestamp();
                Maintenance?.AfterLoad(sql, newLoadId);
                SqlRunner.TraceStep(maintaining, "maintain derived tables");
            }
            cancellationToken.ThrowIfCancellationRequested();
            var committing = System.Diagnostics.Stopwatch.GetTimestamp();
            transaction.Commit();
            SqlRunner.TraceStep(committing, "commit");
        }
        return new IngestResult(loadId, results, released);
    }

    /// <summary>
    /// Each file with its table as the mapping says their files carry it (one schema per table, so batches group); a
    /// targets file's <c>metric</c> must be one of <paramref name="metricIds"/> when they are given (the catalogue's).
    /// </summary>
    private static List<InputFile> MappedFiles(IReadOnlyList<InputFile> files, SourceMapping mapping, IReadOnlyList<string>? metricIds)
    {
        var schemas = new Dictionary<string, TableSchema>(StringComparer.Ordinal);
        return files.Select(f =>
        {
            if (!schemas.TryGetValue(f.Table.Name, out var table))
            {
                table = mapping.Apply(f.Table);
                if (metricIds is not null && table.Name == ReferenceSchema.Targets.Name)
                {
                    // An enumeration: a metric the catalogue does not define is unknown_value, naming file, line and field.
                    table = table with { Columns = [.. table.Columns.Select(c => c.Name == "metric" ? c with { AllowedValues = metricIds } : c)] };
                }
                schemas[f.Table.Name] = table;
            }
            return f with { Table = table };
        }).ToList();
    }

    /// <summary>A resolved file with what the checks before the load found: its digest, its shape, or why it is not read.</summary>
    private sealed record Input(InputFile File, FileDigest Digest, FileShape? Shape, FileProblem? Problem);

    /// <summary>
    /// Groups files into units of work: a file that is not read (empty, unreadable) alone; a file whose header
    /// does not fit alone; otherwise consecutive files of the same table, format and columns together (up to
    /// <see cref="BatchBytes"/>), so DuckDB reads many small daily files in one pass.
    /// </summary>
    private static IEnumerable<(FileBatch? Batch, (Input Input, long Id)? Unread)> Batches(IEnumerable<(Input Input, long Id)> files)
    {
        var current = new List<(Input Input, long Id)>();
        FileShape? shape = null;
        var bytes = 0L;
        foreach (var (input, id) in files)
        {
            var file = input.File;
            if (input.Problem is not null)
            {
                yield return (null, (input, id));
                continue;
            }
            var fileShape = input.Shape!;
            var fits = shape is not null && current.Count > 0 && current[0].Input.File.Table == file.Table && current[0].Input.File.Format == file.Format
                       && shape.SameColumnsAs(fileShape) && bytes + file.Bytes <= BatchBytes;
            if (!fits && current.Count > 0)
            {
                yield return (Batch(current, shape!), null);
                current = [];
                bytes = 0;
            }
            current.Add((input, id));
            shape = fileShape;
            bytes += file.Bytes;
            if (fileShape.Problem is not null)
            {
                yield return (Batch(current, fileShape), null);
                current = [];
                bytes = 0;
            }
        }
        if (current.Count > 0)
        {
            yield return (Batch(current, shape!), null);
        }
    }

    private static FileBatch Batch(List<(Input Input, long Id)> files, FileShape shape) =>
        new(files.Select(c => c.Input.File).ToList(), files.Select(c => c.Id).ToList(), files.Select(c => c.Input.Digest).ToList(), shape);

    /// <summary>The most bytes read in one pass; larger loads are split so progress moves and memory stays bounded.</summary>
    private const long BatchBytes = 256L << 20;

    private static void RecordFile(SqlRunner sql, long loadId, long fileId, InputFile file, string hash, FileResult result, DateTime now) =>
        sql.Execute("INSERT INTO files VALUES ($id, $load, $path, $name, $table, $format, $hash, $bytes, $read, $loaded, $replaced, $quarantined, $pending, $now)",
            ("id", fileId), ("load", loadId), ("path", Path.GetFullPath(file.Path)), ("name", file.Name), ("table", file.Table.Name),
            ("format", file.Format.ToString().ToLowerInvariant()), ("hash", hash), ("bytes", file.Bytes),
            ("read", result.RowsRead), ("loaded", result.RowsLoaded), ("replaced", result.RowsReplaced),
            ("quarantined", result.RowsQuarantined), ("pending", result.RowsPending), ("now", now));

    private static string StrictFailure(SqlRunner sql, InputFile file, long fileId, FileResult result)
    {
        if (result.Status == FileStatus.Rejected && result.RowsRead == 0)
        {
            return $"{file.Path}: {result.Problem}; --strict loads nothing when a file cannot be read.";
        }
        var first = sql.Rows(
            "SELECT line, coalesce(field, ''), rule, message FROM quarantine WHERE file_id = $file AND status = 'rejected' ORDER BY line LIMIT 1",
            r => $"line {r.GetInt64(0)}, field '{r.GetString(1)}': {r.GetString(3)} ({r.GetString(2)})", ("file", fileId));
        return $"{file.Path}: {first.FirstOrDefault() ?? "bad rows"}; --strict loads nothing when a file has bad rows.";
    }
}
