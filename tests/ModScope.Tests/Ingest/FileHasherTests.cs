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
    public async Task A_compressed_file_is_counted_and_checked_through_its_decompressed_text()
    {
        var path = Gzip("decision_id\nD1\n"u8.ToArray());

        var digest = await FileHasher.DigestAsync(CsvFile(path), CancellationToken.None);

        Assert.True(digest.ValidUtf8);
        Assert.Equal(2, digest.Lines);
        Assert.Null(digest.Problem);
    }

    [Fact]
    public async Task A_gzip_of_several_members_is_whole()
    {
        var first = File.ReadAllBytes(Gzip("decision_id\nD1\n"u8.ToArray()));
        var second = File.ReadAllBytes(Gzip("D2\nD3\n"u8.ToArray()));
        var path = Path.Combine(_folder, "decisions-two.csv.gz");
        File.WriteAllBytes(path, [.. first, .. second]);

        var digest = await FileHasher.DigestAsync(CsvFile(path), CancellationToken.None);

        Assert.Null(digest.Problem);
        Assert.Equal(4, digest.Lines);
    }

    public static TheoryData<string> Damages() => ["truncated", "crc", "length", "not gzip"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_gzip_is_found_by_its_crc_length_or_header(string damage)
    {
        var text = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"D{i},some text to compress\n")));
        var bytes = File.ReadAllBytes(Gzip(text));
        // The trailer is CRC-32 then the length, 4 bytes each, at the very end.
        bytes = damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "crc" => [.. bytes[..^8], (byte)(bytes[^8] ^ 0xFF), .. bytes[^7..]],
            "length" => [.. bytes[..^1], (byte)(bytes[^1] ^ 0xFF)],
            _ => "decision_id\nD1\n"u8.ToArray(),
        };
        var path = Path.Combine(_folder, "decisions-bad.csv.gz");
        File.WriteAllBytes(path, bytes);

        var digest = await FileHasher.DigestAsync(CsvFile(path), CancellationToken.None);

        Assert.NotNull(digest.Problem);
    }

    [Theory]
    [InlineData("a\nb\n", false, 2)]
    [InlineData("a\r\nb\r\n", false, 2)]
    [InlineData("a\rb\r", false, 2)]
    [InlineData("a\nb\r\nc\n", true, 3)]
    [InlineData("a\r\nb\rc", true, 3)]
    public async Task Mixed_line_ends_are_told_apart_from_one_kind(string text, bool mixed, long lines)
    {
        var digest = await Digest(Encoding.UTF8.GetBytes(text));

        Assert.Equal(mixed, digest.MixedLineEnds);
        Assert.Equal(lines, digest.Lines);
    }

    [Theory]
    [InlineData("a,b\nc,d\n", false)]
    [InlineData("a,b\nc,\"d\"\n", true)]
    [InlineData("a,b\nc,d\u0000\n", true)]
    [InlineData("a,b\nc,\td\n", true)]
    [InlineData("a,b\nc,d\u007f\n", true)]
    public async Task Bytes_that_may_put_a_control_character_into_a_value_are_noticed(string text, bool may)
    {
        var digest = await Digest(Encoding.UTF8.GetBytes(text));

        Assert.Equal(may, digest.MayHoldControls);
    }

    private string Gzip(byte[] text)
    {
        var path = Path.Combine(_folder, $"decisions-{Guid.NewGuid():N}.csv.gz");
        using var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest);
        gz.Write(text);
        return path;
    }

    private static InputFile CsvFile(string path) => new(path, EventSchema.Decisions, InputFormat.Csv, new FileInfo(path).Length);

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
