using System.Globalization;

namespace ModScope.Ingest;

/// <summary>
/// Gives DuckDB a path to each input file that it cannot take for a pattern: DuckDB expands <c>*</c>, <c>?</c> and
/// <c>[...]</c> in any path it reads and has no escape for them, so <c>decisions-[12].csv</c> would read
/// <c>decisions-1.csv</c> instead. Every file is read through a symbolic link named <c>f{n}.{ext}</c> in a private
/// folder (a copy where links cannot be made). A file that mixes line ends, which DuckDB's CSV reader stops on, is
/// read through a copy whose every line end is <c>\n</c> (a gzip file is decompressed into it): the same lines,
/// so line numbers stay those of the original. The folder goes when the load ends.
/// </summary>
internal sealed class LiteralPaths : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("modscope-read-");
    private int _next;

    /// <summary>The file with its <see cref="InputFile.ReadPath"/> set.</summary>
    public InputFile Prepare(InputFile file, FileDigest digest)
    {
        var gzip = FileHasher.IsGzip(file.Path);
        var extension = file.Format switch
        {
            InputFormat.Csv => ".csv",
            InputFormat.Parquet => ".parquet",
            _ => ".jsonl",
        };
        var alias = Path.Combine(_folder.FullName, string.Create(CultureInfo.InvariantCulture, $"f{_next++}{extension}"));
        if (digest.MixedLineEnds && file.Format != InputFormat.Parquet)
        {
            LineEnds.Normalise(file.Path, gzip, alias);
            return file with { ReadPath = alias };
        }
        alias += gzip ? ".gz" : "";
        try
        {
            File.CreateSymbolicLink(alias, file.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            File.Copy(file.Path, alias);
        }
        return file with { ReadPath = alias };
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning; it holds only links and copies of inputs.
        }
    }
}
