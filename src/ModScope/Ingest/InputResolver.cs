using ModScope.Model;

namespace ModScope.Ingest;

/// <summary>
/// Turns the paths given to <c>ingest</c> into files to load, in load order (decisions first, so audits
/// and appeals in the same load find their decisions; then by name). The table comes from the file name's
/// prefix (<c>decisions-2026-08-24.csv</c>), the format from its extension.
/// </summary>
public static class InputResolver
{
    /// <summary>
    /// Resolves files and directories (searched recursively; files that match no table are skipped). Only regular
    /// files are loaded: a FIFO, device, link loop or link leaving its input folder is refused (see <see cref="FolderWalker"/>).
    /// </summary>
    /// <exception cref="IngestException">A path does not exist, cannot be read, is not a regular file, or names no table or format.</exception>
    public static IReadOnlyList<InputFile> Resolve(IEnumerable<string> paths, string? table = null)
    {
        TableSchema? forced = null;
        if (table is not null)
        {
            forced = Tables.Find(table) ?? throw new IngestException(
                $"Unknown table '{table}'; expected one of: {string.Join(", ", Tables.All.Select(t => t.Name))}.");
        }

        var files = new List<InputFile>();
        var refused = new List<string>();
        foreach (var path in paths)
        {
            var kind = FileNode.Kind(path);
            if (kind == NodeKind.Directory)
            {
                var walker = new FolderWalker(file => TryDescribe(file, forced) is not null);
                walker.Walk(path);
                files.AddRange(walker.Files.Select(file => Describe(file, forced)));
                refused.AddRange(walker.Refused);
            }
            else if (kind == NodeKind.Regular)
            {
                files.Add(Describe(path, forced));
            }
            else if (kind == NodeKind.Missing && new FileInfo(path).LinkTarget is null)
            {
                throw new IngestException($"{path}: no such file or directory.");
            }
            else
            {
                refused.Add($"{path}: {FileNode.Describe(kind)}, not a regular file");
            }
        }
        if (refused.Count > 0)
        {
            throw new IngestException($"Only regular files are loaded; refused {refused.Count} input(s): {string.Join("; ", refused)}. Nothing was loaded.");
        }

        foreach (var file in files)
        {
            EnsureReadable(file.Path);
        }

        return files
            .DistinctBy(f => System.IO.Path.GetFullPath(f.Path))
            .OrderBy(f => IndexOf(f.Table))
            // A name before its extensions: decisions-2026-10-01.csv loads before decisions-2026-10-01-redelivery.csv,
            // so a key both hold is kept from the first delivery and the re-delivery's row is the duplicate.
            .ThenBy(f => Stem(f.Name), StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The format implied by a file name, or null.</summary>
    public static InputFormat? FormatOf(string path)
    {
        var name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }
        return System.IO.Path.GetExtension(name) switch
        {
            ".csv" => InputFormat.Csv,
            ".parquet" => InputFormat.Parquet,
            ".jsonl" or ".ndjson" or ".json" => InputFormat.Jsonl,
            _ => null,
        };
    }

    /// <summary>The file name without its format's extension (and .gz).</summary>
    private static string Stem(string name)
    {
        var stem = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        return System.IO.Path.GetFileNameWithoutExtension(stem);
    }

    private static InputFile Describe(string path, TableSchema? forced)
    {
        var format = FormatOf(path) ?? throw new IngestException(
            $"{path}: unknown file type; expected .csv, .parquet, .jsonl or .ndjson (optionally .gz).");
        var table = forced ?? TableOf(path) ?? throw new IngestException(
            $"{path}: cannot tell which table this file feeds; name it after the table " +
            $"({string.Join(", ", Tables.All.Select(t => t.Name + "*"))}) or pass --table.");
        if (format == InputFormat.Parquet && path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            throw new IngestException($"{path}: gzip-compressed Parquet is not supported; Parquet compresses its own pages.");
        }
        return new InputFile(System.IO.Path.GetFullPath(path), table, format, new FileInfo(path).Length);
    }

    private static InputFile? TryDescribe(string path, TableSchema? forced) =>
        FormatOf(path) is not null && (forced is not null || TableOf(path) is not null) ? Describe(path, forced) : null;

    private static TableSchema? TableOf(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        // Longest prefix first, so a future "decisions_archive" table would not be taken for "decisions".
        return Tables.All
            .OrderByDescending(t => t.Name.Length)
            .FirstOrDefault(t => name.StartsWith(t.Name, StringComparison.OrdinalIgnoreCase));
    }

    private static int IndexOf(TableSchema table)
    {
        for (var i = 0; i < Tables.All.Count; i++)
        {
            if (Tables.All[i].Name == table.Name)
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    private static void EnsureReadable(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IngestException($"{path}: cannot be read ({ex.Message}).", ex);
        }
    }
}
