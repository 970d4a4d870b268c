using System.Text;
using ModScope.Ingest;
using ModScope.Model;

namespace ModScope.Tests.Ingest;

/// <summary>
/// The hashing pass also says whether a file is valid UTF-8 (so the numbering read need not make DuckDB check every
/// column). The verdict must hold when a character straddles the hasher's 1 MiB reads, and agree with .NET's strict decoder.
/// </summary>
public sealed class FileHasherTests : IDisposable
{
    private const int Chunk = 1 << 20;
    private readonly string _folder = Directory.CreateTempSubdirectory("modscope-hasher-").FullName;

    public static TheoryData<string, int> Straddling()
    {
        var data = new TheoryData<string, int>();
        foreach (var character in new[] { "é", "中", "😀" })
        {
            // The character's first byte sits 1, 2 or 3 bytes before the read boundary (where its length allows).
            for (var before = 1; before <= Encoding.UTF8.GetByteCount(character); before++)
            {
                data.Add(character, before);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Straddling))]
    public async Task A_character_across_a_read_boundary_is_valid(string character, int before)
    {
        var bytes = Ascii(Chunk - before).Concat(Encoding.UTF8.GetBytes(character)).Concat("x\n"u8.ToArray()).ToArray();

        var digest = await Digest(bytes);

        Assert.True(StrictlyDecodes(bytes));
        Assert.True(digest.ValidUtf8);
        Assert.Equal(2, digest.Lines);
    }

    public static TheoryData<string, byte[]> Broken() => new()
    {
        { "a lone continuation byte in the middle", [.. "ab"u8, 0x80, .. "c\n"u8] },
        { "a Latin-1 byte", [.. "caf"u8, 0xE9, .. "\n"u8] },
        { "an overlong encoding of '/'", [.. "a"u8, 0xC0, 0xAF, .. "\n"u8] },
        { "a 3-byte character cut at the end of the file", [.. "a\n"u8, 0xE4, 0xB8] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Invalid_bytes_are_found(string what, byte[] tail)
    {
        // The bad bytes come after the first read, where only the carried tail and the second chunk can show them.
        var bytes = Ascii(Chunk - 1).Concat(tail).ToArray();

        var digest = await Digest(bytes);

        Assert.False(StrictlyDecodes(bytes), what);
        Assert.False(digest.ValidUtf8, what);
    }

    [Fact]
    public async Task A_compressed_file_is_not_vouched_for()
    {
        var path = Path.Combine(_folder, "decisions.csv.gz");
        await using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            await gz.WriteAsync("decision_id\nD1\n"u8.ToArray());
        }

        var digest = await FileHasher.DigestAsync(new InputFile(path, EventSchema.Decisions, InputFormat.Csv, new FileInfo(path).Length), CancellationToken.None);

        Assert.False(digest.ValidUtf8);
        Assert.Null(digest.Lines);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<FileDigest> Digest(byte[] bytes)
    {
        var path = Path.Combine(_folder, $"decisions-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, bytes);
        return await FileHasher.DigestAsync(new InputFile(path, EventSchema.Decisions, InputFormat.Csv, bytes.Length), CancellationToken.None);
    }

    /// <summary>ASCII letters with a line break at the start, so the file has lines before the interesting bytes.</summary>
    private static byte[] Ascii(int length)
    {
        var bytes = Enumerable.Repeat((byte)'a', length).ToArray();
        bytes[0] = (byte)'\n';
        return bytes;
    }

    private static bool StrictlyDecodes(byte[] bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
