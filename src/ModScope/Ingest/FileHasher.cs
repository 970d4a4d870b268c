using System.Security.Cryptography;
using System.Text.Unicode;

namespace ModScope.Ingest;

/// <summary>
/// SHA-256 of a file's bytes (the identity that makes re-loading the same file a no-op), counting its
/// lines and checking that it is valid UTF-8 in the same pass.
/// </summary>
internal static class FileHasher
{
    private const int BufferBytes = 1 << 20;

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken) =>
        (await DigestAsync(path, countLines: false, cancellationToken).ConfigureAwait(false)).Sha256;

    /// <summary>Hash, line count and UTF-8 validity (neither for compressed files, whose lines are not the bytes' lines).</summary>
    public static Task<FileDigest> DigestAsync(InputFile file, CancellationToken cancellationToken) =>
        DigestAsync(file.Path, !file.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase), cancellationToken);

    private static async Task<FileDigest> DigestAsync(string path, bool countLines, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // A chunk's last bytes may start a UTF-8 sequence the next chunk ends: they are carried to the buffer's front.
        var buffer = new byte[BufferBytes + 3];
        var carried = 0;
        var validUtf8 = countLines;
        long newlines = 0, returns = 0, crlf = 0;
        byte last = (byte)'\n';
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(carried, BufferBytes), cancellationToken).ConfigureAwait(false)) > 0)
        {
            var chunk = buffer.AsSpan(carried, read);
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
            if (validUtf8)
            {
                var text = buffer.AsSpan(0, carried + read);
                var complete = CompleteLength(text);
                validUtf8 = Utf8.IsValid(text[..complete]);
                carried = text.Length - complete;
                text[complete..].CopyTo(buffer);
            }
        }
        long? lines = countLines ? newlines + returns - crlf + (last is (byte)'\n' or (byte)'\r' ? 0 : 1) : null;
        return new FileDigest(Convert.ToHexStringLower(hash.GetHashAndReset()), lines, validUtf8 && carried == 0);
    }

    /// <summary>The length of <paramref name="bytes"/> without a multi-byte sequence its last (up to 3) bytes begin but do not finish.</summary>
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte: 110xxxxx starts 2 bytes, 1110xxxx 3, 11110xxx 4; ASCII is complete on its own.
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? bytes.Length - back : bytes.Length;
            }
        }
        return bytes.Length;
    }
}
