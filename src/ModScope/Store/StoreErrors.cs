using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>
/// Turns DuckDB's errors about the store file itself into the store's own exceptions: a full disk
/// (<see cref="DiskFullException"/>, naming the folder) and a damaged file (<see cref="StoreDamagedException"/>,
/// which also marks the store so nothing more is written to it until <c>modscope check</c> passes).
/// </summary>
public static partial class StoreErrors
{
    /// <summary>The store exception <paramref name="error"/> stands for, or null when it is about something else.</summary>
    public static StoreException? Translate(Exception error, string storePath)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is not DuckDBException && error is not IOException)
        {
            return null;
        }
        var message = error.Message;
        if (message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) || message.Contains("disk is full", StringComparison.OrdinalIgnoreCase))
        {
            var written = QuotedPath().Match(message) is { Success: true } m ? m.Groups[1].Value : storePath;
            var folder = Path.GetDirectoryName(Path.GetFullPath(written)) ?? written;
            return new DiskFullException(
                $"disk full at {folder} (writing {written}); the load was rolled back and the store is as it was. Free some space there and load again.",
                error) { Folder = folder };
        }
        if (IsDamage(message))
        {
            DamageMark.Set(storePath, FirstLine(message));
            return Damaged(storePath, FirstLine(message), error);
        }
        return null;
    }

    /// <summary>Another process holds the file in a way that excludes this open (DuckDB's file lock).</summary>
    public static bool IsLocked(string message) => message.Contains("Could not set lock on file", StringComparison.OrdinalIgnoreCase);

    /// <summary>The one-line error for a store another process held for longer than <paramref name="waited"/>.</summary>
    public static StoreLockedException Locked(string storePath, Exception inner, bool writing, TimeSpan waited)
    {
        var holder = HolderPid().Match(inner.Message) is { Success: true } m ? $" (PID {m.Groups[1].Value})" : "";
        var why = writing
            ? "another process holds it open (a running 'modscope serve' keeps it open to read: change alerts on its dashboard or API, " +
              "or stop it to ingest or run the monitor)"
            : "another process is writing it";
        return new StoreLockedException(
            $"store '{storePath}' is busy: {why}{holder}; waited {waited.TotalSeconds:0} s (MODSCOPE_STORE_WAIT_SECONDS sets how long).", inner);
    }

    /// <summary>DuckDB found a block whose checksum does not match, or a file it cannot make sense of.</summary>
    public static bool IsDamage(string message) =>
        message.Contains("Corrupt database file", StringComparison.OrdinalIgnoreCase)
        || message.Contains("does not match stored checksum", StringComparison.OrdinalIgnoreCase);

    public static StoreDamagedException Damaged(string storePath, string reason, Exception? inner = null)
    {
        var message = $"store is damaged: run modscope check --store {storePath} ({reason}); nothing more is written to it.";
        return inner is null ? new StoreDamagedException(message) : new StoreDamagedException(message, inner);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex(@"\(PID (\d+)\)")]
    private static partial Regex HolderPid();

    /// <summary>A quoted absolute path in DuckDB's or .NET's message (the file being written).</summary>
    [GeneratedRegex("[\"']((?:/|[A-Za-z]:\\\\)[^\"']*)[\"']")]
    private static partial Regex QuotedPath();
}
