using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace ModScope.Web.Forwarding;

/// <summary>
/// The file <c>STORE.server.json</c> beside a served store: written when <c>serve</c> starts listening (readable and
/// writable by its owner only), removed when it stops. <see cref="Find"/> ignores a file whose process is gone (a server
/// killed without cleaning up) or is another process that reuses the id.
/// </summary>
public static class ServerInfoFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The info file of the store at <paramref name="storePath"/>.</summary>
    public static string PathFor(string storePath) => Path.GetFullPath(storePath) + ".server.json";

    /// <summary>A new secret: 32 random bytes, hex.</summary>
    public static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Writes <paramref name="info"/> for the store, replacing a stale file; owner-only on Unix.</summary>
    public static void Write(string storePath, ServerInfo info)
    {
        var path = PathFor(storePath);
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var stream = new FileStream(path, options);
        JsonSerializer.Serialize(stream, info, Json);
    }

    /// <summary>Removes the store's info file if it is still <paramref name="info"/>'s (a later server may have replaced it).</summary>
    public static void Remove(string storePath, ServerInfo info)
    {
        if (Read(PathFor(storePath)) is { } current && current.Secret == info.Secret)
        {
            File.Delete(PathFor(storePath));
        }
    }

    /// <summary>The live server holding the store at <paramref name="storePath"/>, or null (no file, unreadable, or its process is gone).</summary>
    public static ServerInfo? Find(string storePath)
    {
        var info = Read(PathFor(storePath));
        return info is not null && IsRunning(info) ? info : null;
    }

    /// <summary>This process's start time (UTC), as <see cref="Find"/> compares it.</summary>
    public static DateTime ProcessStarted()
    {
        using var self = Process.GetCurrentProcess();
        return self.StartTime.ToUniversalTime();
    }

    private static ServerInfo? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ServerInfo>(File.ReadAllText(path), Json) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // Half written, or another user's: not a server this process may use.
            return null;
        }
    }

    private static bool IsRunning(ServerInfo info)
    {
        try
        {
            using var process = Process.GetProcessById(info.Pid);
            return !process.HasExited && (process.StartTime.ToUniversalTime() - info.Started).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
