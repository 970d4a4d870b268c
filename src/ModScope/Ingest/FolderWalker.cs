namespace ModScope.Ingest;

/// <summary>
/// Lists the regular files under an input folder, with their literal paths. Symbolic links are followed only
/// while they stay inside the folder; a folder reached twice (a link back up the tree) is read once; a
/// FIFO, device, socket, link loop, dangling link or link leaving the folder among the files that would be
/// loaded (<c>wanted</c>) is refused, with its reason, instead of being opened.
/// </summary>
internal sealed class FolderWalker(Func<string, bool> wanted)
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

    /// <summary>Inputs that cannot be loaded, each with its reason.</summary>
    public List<string> Refused { get; } = [];

    public List<string> Files { get; } = [];

    public void Walk(string folder)
    {
        var root = FileNode.RealPath(folder) ?? Path.GetFullPath(folder);
        Visit(root, Path.GetFullPath(folder));
    }

    private void Visit(string root, string folder)
    {
        if (!_visited.Add(FileNode.RealPath(folder) ?? folder))
        {
            return;
        }
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Refused.Add($"{folder}: cannot be listed ({ex.Message})");
            return;
        }
        foreach (var entry in entries)
        {
            var kind = FileNode.Kind(entry.FullName);
            var isLink = entry.LinkTarget is not null;
            if (kind is not NodeKind.Regular and not NodeKind.Directory)
            {
                RefuseIfWanted(entry, FileNode.Describe(kind));
                continue;
            }
            if (isLink && FileNode.RealPath(entry.FullName) is { } target && !Inside(root, target))
            {
                if (kind == NodeKind.Directory || wanted(entry.FullName))
                {
                    Refused.Add($"{entry.FullName}: links outside the input folder (to {target}); pass {target} itself to load it");
                }
                continue;
            }
            switch (kind)
            {
                case NodeKind.Directory:
                    Visit(root, entry.FullName);
                    break;
                default:
                    if (wanted(entry.FullName))
                    {
                        Files.Add(entry.FullName);
                    }
                    break;
            }
        }
    }

    private void RefuseIfWanted(FileSystemInfo entry, string what)
    {
        if (wanted(entry.FullName))
        {
            Refused.Add($"{entry.FullName}: {what}, not a regular file");
        }
    }

    private static bool Inside(string root, string path) =>
        path == root || path.StartsWith(root.EndsWith('/') ? root : root + "/", StringComparison.Ordinal);
}
