using System.Security.Cryptography;

namespace ModScope.Ingest;

/// <summary>
/// SHA-256 of a file's bytes (the identity that makes re-loading the same file a no-op), counting its
/// lines in the same pass.
/// </summary>
internal static class FileHasher
{
    private const int BufferBytes = 1 << 20;

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken) =>
        (await DigestAsync(path, countLines: false, cancellationToken).ConfigureAwait(false)).Sha256;

    /// <summary>Hash and line count (none for compressed files, whose lines are not the bytes' lines).</summary>
    public static Task<FileDigest> DigestAsync(InputFile file, CancellationToken cancellationToken) =>
        DigestAsync(file.Path, !file.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase), cancellationToken);

    private static async Task<FileDigest> DigestAsync(string path, bool countLines, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[BufferBytes];
        long newlines = 0, returns = 0, crlf = 0;
        byte last = (byte)'\n';
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken).ConfigureAwait(false)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            hash.AppendData(chunk);
            if (countLines)
            {
                newlines += chunk.Count((byte)'\n');
                var cr = chunk.Count((byte)'\r');
                if (cr > 0 || last == '\r')
                {
                    returns += cr;
                    crlf += chunk.Count("\r\n"u8) + (last == '\r' && chunk[0] == '\n' ? 1 : 0);
                }
            }
            last = chunk[^1];
        }
        long? lines = countLines ? newlines + returns - crlf + (last is (byte)'\n' or (byte)'\r' ? 0 : 1) : null;
        return new FileDigest(Convert.ToHexStringLower(hash.GetHashAndReset()), lines);
    }
}
