using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace ModScope.Ingest;

/// <summary>
/// Reads only the first line of a CSV file (through gzip when the name ends in .gz) to learn its column names,
/// reading at most <see cref="InputLimits.MaxHeaderBytes"/>. The rows themselves are read by DuckDB.
/// </summary>
internal static class CsvHeader
{
    /// <summary>The header's column names, or why the header is too large to read.</summary>
    public static (IReadOnlyList<string> Columns, string? Problem) Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = FileHasher.IsGzip(path) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[InputLimits.MaxHeaderBytes + 1];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        var end = Array.FindIndex(buffer, 0, length, c => c is '\n' or '\r');
        if (end < 0 && length > InputLimits.MaxHeaderBytes)
        {
            return ([], string.Create(CultureInfo.InvariantCulture,
                $"its header is longer than {InputLimits.MaxHeaderBytes:N0} characters (the limit); is it a CSV event file?"));
        }
        var columns = Split(new string(buffer, 0, end < 0 ? length : end));
        return columns.Count > InputLimits.MaxColumns
            ? ([], string.Create(CultureInfo.InvariantCulture, $"its header has {columns.Count:N0} columns; at most {InputLimits.MaxColumns:N0} are read"))
            : (columns, null);
    }
    /// <summary>Splits one CSV line on commas, honouring double quotes.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
