using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ModScope.Common;

/// <summary>
/// RFC 4180 records from text, read by CsvHelper: a quoted field may hold commas, line breaks and doubled quotes.
/// Each record carries the 1-based line it starts on; blank lines are skipped.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader, string source)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = false,
            BadDataFound = null,
        };
        using var parser = new CsvParser(reader, configuration, leaveOpen: true);
        while (parser.Read())
        {
            var raw = parser.RawRecord;
            // RawRow is the line the record ends on; a quoted field with line breaks started earlier. An unclosed
            // quote swallows the rest of the file, its final line break included.
            if (raw.Count(c => c == '"') % 2 == 1)
            {
                throw new InvalidDataException(
                    $"{source} line {parser.RawRow - raw.Count(c => c == '\n')}: a quoted field is not closed before the end of the file");
            }
            var start = parser.RawRow - raw.TrimEnd('\r', '\n').Count(c => c == '\n');
            yield return (start, [.. parser.Record ?? []]);
        }
    }
}
