using System.IO.Compression;
using System.Security.Cryptography;
using ICSharpCode.SharpZipLib.GZip;

namespace ModScope.Ingest;

/// <summary>
/// SHA-256 of a file's bytes (the identity that makes re-loading the same file a no-op), counting its lines and
/// checking its text in the same pass (<see cref="ByteCounter"/>). A <c>.gz</c> file is decompressed once more to
/// count its text and to verify it: a bad header or a CRC or length that does not match its trailer makes .NET's
/// reader throw; a truncated file, which .NET and DuckDB both read to its cut without complaint, shows as a trailer
/// length that does not match the text, and is then confirmed by SharpZipLib's reader, which also handles a file of
/// several gzip members.
/// </summary>
internal static class FileHasher
{
    private const int BufferBytes = 1 << 20;

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken) =>
        (await DigestAsync(path, countLines: false, cancellationToken).ConfigureAwait(false)).Sha256;

    /// <summary>Hash and what the file's (uncompressed) text tells; see <see cref="FileDigest"/>.</summary>
    public static async Task<FileDigest> DigestAsync(InputFile file, CancellationToken cancellationToken)
    {
        if (!IsGzip(file.Path))
        {
            return await DigestAsync(file.Path, file.Format != InputFormat.Parquet, cancellationToken).ConfigureAwait(false);
        }
        var hash = await DigestAsync(file.Path, countLines: false, cancellationToken).ConfigureAwait(false);
        var (counter, problem) = await CountGzipAsync(file.Path, cancellationToken).ConfigureAwait(false);
        return problem is not null
            ? new FileDigest(hash.Sha256, null, false, Problem: problem)
            : new FileDigest(hash.Sha256, counter.Lines, counter.ValidUtf8, counter.MixedLineEnds, counter.MayHoldControls);
    }

    public static bool IsGzip(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    private static async Task<FileDigest> DigestAsync(string path, bool countLines, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: true);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var counter = new ByteCounter();
        var buffer = new byte[BufferBytes];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            if (countLines)
            {
                counter.Add(buffer.AsSpan(0, read));
            }
        }
        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        return countLines
            ? new FileDigest(sha, counter.Lines, counter.ValidUtf8, counter.MixedLineEnds, counter.MayHoldControls)
            : new FileDigest(sha, null, false);
    }

    private static async Task<(ByteCounter Counter, string? Problem)> CountGzipAsync(string path, CancellationToken cancellationToken)
    {
        var counter = new ByteCounter();
        var total = 0L;
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes, useAsync: true);
            await using var gzip = new GZipStream(file, CompressionMode.Decompress);
            var buffer = new byte[BufferBytes];
            int read;
            while ((read = await gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                counter.Add(buffer.AsSpan(0, read));
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            return (counter, "not a valid gzip file (bad header, or a CRC or length that does not match its data)");
        }
        if (TrailerLength(path) != (uint)total)
        {
            // The last member's length does not match the whole text: several members, or a truncated file.
            var problem = await VerifyMembersAsync(path, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return (counter, problem);
            }
        }
        return (counter, null);
    }

    /// <summary>ISIZE, the trailer's last 4 bytes: the uncompressed length of the last member, modulo 2^32.</summary>
    private static uint TrailerLength(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length < 18)
        {
            return uint.MaxValue;
        }
        stream.Seek(-4, SeekOrigin.End);
        Span<byte> bytes = stackalloc byte[4];
        stream.ReadExactly(bytes);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    private static async Task<string?> VerifyMembersAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            await using var gzip = new GZipInputStream(file);
            var buffer = new byte[BufferBytes];
            while (await gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
            return null;
        }
        catch (Exception ex) when (ex is ICSharpCode.SharpZipLib.SharpZipBaseException or EndOfStreamException)
        {
            return $"truncated or damaged gzip file ({ex.Message})";
        }
    }
}
