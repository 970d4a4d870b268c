using System.IO.Compression;

namespace ModScope.Ingest;

/// <summary>
/// Copies a text file with every line end (<c>\r\n</c>, a lone <c>\r</c>, <c>\n</c>) written as <c>\n</c>: the same
/// lines in the same order, so a file that mixes them can be read line by line. Byte work only; nothing is parsed.
/// </summary>
internal static class LineEnds
{
    public static void Normalise(string source, bool gzip, string target)
    {
        using var file = File.OpenRead(source);
        using Stream input = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        var buffer = new byte[1 << 20];
        var written = new byte[buffer.Length];
        var afterReturn = false;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            var length = 0;
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == '\n' && afterReturn)
                {
                    // The \n of a \r\n: its \r was already written as \n.
                    afterReturn = false;
                    continue;
                }
                afterReturn = b == '\r';
                written[length++] = b == '\r' ? (byte)'\n' : b;
            }
            output.Write(written, 0, length);
        }
    }
}
