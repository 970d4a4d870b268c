namespace ModScope.Service;

/// <summary>
/// The watched landing folder: which files are complete (<see cref="Ready"/>), and where a file goes once handled
/// (<see cref="Settle"/>: <c>loaded/</c> or <c>rejected/</c> inside the folder, with the reason beside a rejected one).
/// Hidden files, <c>.done</c> markers and files still being written are left alone.
/// </summary>
public sealed class LandingFolder(WatchSettings settings)
{
    private readonly Dictionary<string, (long Size, DateTime Written, DateTime Seen)> _seen = new(StringComparer.Ordinal);

    public WatchSettings Settings { get; } = settings;

    /// <summary>The complete files at <paramref name="now"/> (UTC), oldest first by name.</summary>
    public IReadOnlyList<string> Ready(DateTime now)
    {
        Directory.CreateDirectory(Settings.Folder);
        var files = Directory.EnumerateFiles(Settings.Folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith(".done", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var gone in _seen.Keys.Except(files).ToList())
        {
            _seen.Remove(gone);
        }
        return Settings.Readiness == FileReadiness.DoneMarker ? [.. files.Where(f => File.Exists(f + ".done"))] : [.. files.Where(f => Stable(f, now))];
    }

    /// <summary>Moves a handled file (and its marker) into <c>loaded/</c> or <c>rejected/</c>; a rejected file gets <c>NAME.error.txt</c> with <paramref name="reason"/>.</summary>
    public string Settle(string file, bool loaded, string? reason = null)
    {
        var folder = Path.Combine(Settings.Folder, loaded ? "loaded" : "rejected");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, Path.GetFileName(file));
        File.Move(file, target, overwrite: true);
        if (File.Exists(file + ".done"))
        {
            File.Move(file + ".done", target + ".done", overwrite: true);
        }
        if (!loaded)
        {
            File.WriteAllText(target + ".error.txt", reason ?? "rejected");
        }
        _seen.Remove(file);
        return target;
    }

    /// <summary>True when the file's size and write time are what they were at least <see cref="WatchSettings.StableFor"/> ago.</summary>
    private bool Stable(string file, DateTime now)
    {
        var info = new FileInfo(file);
        if (!info.Exists)
        {
            return false;
        }
        var current = (info.Length, info.LastWriteTimeUtc);
        if (!_seen.TryGetValue(file, out var seen) || (seen.Size, seen.Written) != current)
        {
            _seen[file] = (current.Length, current.LastWriteTimeUtc, now);
            return false;
        }
        return now - seen.Seen >= Settings.StableFor;
    }
}
