using System.Security.Cryptography;

namespace ModScope.Ingest;

/// <summary>SHA-256 of a file's bytes: the identity that makes re-loading the same file a no-op.</summary>
internal static class FileHasher
{
    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(hash);
    }
}
