using System.Globalization;
using ModScope.Common;

namespace ModScope.Monitor.Detection;

/// <summary>
/// A <c>timestamp,value</c> CSV as read by <c>modscope detect</c>: the header is optional (columns named timestamp
/// and value are used wherever they are, else the first two); timestamps are ISO 8601 dates and times (UTC unless
/// they carry an offset) or numbers (Unix seconds or milliseconds when large, else plain positions); an empty,
/// <c>NaN</c> or <c>null</c> value is a gap. Anything else is an error naming the file, line and column.
/// </summary>
public sealed record SeriesFile(string Path, IReadOnlyList<SeriesFile.Row> Rows)
{
    /// <summary>One input row, with its original text so the output echoes it unchanged.</summary>
    public sealed record Row(int Line, string TimestampText, string ValueText, SeriesPoint Point);

    public IReadOnlyList<SeriesPoint> Points => Rows.Select(r => r.Point).ToList();

    public static SeriesFile Read(string path)
    {
        using var reader = new StreamReader(path);
        var rows = new List<(int Line, string Time, string Value)>();
        var (timeColumn, valueColumn) = (0, 1);
        var first = true;
        foreach (var (line, fields) in CsvRecords.Read(reader, path))
        {
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }
            if (first)
            {
                first = false;
                if (IsHeader(fields, out timeColumn, out valueColumn))
                {
                    continue;
                }
            }
            if (fields.Count <= Math.Max(timeColumn, valueColumn))
            {
                throw new InvalidDataException($"{path} line {line}: expected at least {Math.Max(timeColumn, valueColumn) + 1} columns (timestamp,value), found {fields.Count}.");
            }
            rows.Add((line, fields[timeColumn].Trim(), fields[valueColumn].Trim()));
        }
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{path}: no data rows; expected a CSV of timestamp,value.");
        }
        var times = TimeParser.For(path, rows[0].Line, rows[0].Time);
        return new SeriesFile(path, rows.Select(r => new Row(r.Line, r.Time, r.Value,
            new SeriesPoint(times.Parse(r.Line, r.Time), ParseValue(path, r.Line, r.Value)))).ToList());
    }

    private static bool IsHeader(List<string> fields, out int timeColumn, out int valueColumn)
    {
        timeColumn = fields.FindIndex(f => f.Trim().Equals("timestamp", StringComparison.OrdinalIgnoreCase));
        valueColumn = fields.FindIndex(f => f.Trim().Equals("value", StringComparison.OrdinalIgnoreCase));
        var named = timeColumn >= 0 || valueColumn >= 0;
        timeColumn = timeColumn >= 0 ? timeColumn : (valueColumn == 0 ? 1 : 0);
        valueColumn = valueColumn >= 0 ? valueColumn : (timeColumn == 1 ? 0 : 1);
        return named || (fields.Count > valueColumn && !IsMissing(fields[valueColumn]) &&
            !double.TryParse(fields[valueColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
    }

    private static double ParseValue(string path, int line, string text) =>
        IsMissing(text) ? double.NaN
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw new InvalidDataException($"{path} line {line}, column 'value': '{text}' is not a number (leave it empty for a gap).");

    private static bool IsMissing(string text) =>
        text.Trim().Length == 0 || text.Trim() is "NaN" or "nan" or "NA" or "null" or "NULL";

    /// <summary>Parses every timestamp of a file the same way, chosen from its first one.</summary>
    private sealed class TimeParser(string path, bool numeric, double numericScale)
    {
        private static readonly DateTime Epoch = DateTime.UnixEpoch;

        public static TimeParser For(string path, int line, string first)
        {
            if (double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                // Milliseconds since 1970 after ~1973, seconds after ~1973, else positions one second apart.
                return new TimeParser(path, true, Math.Abs(number) >= 1e11 ? 1e-3 : 1.0);
            }
            _ = new TimeParser(path, false, 0).Parse(line, first);
            return new TimeParser(path, false, 0);
        }

        public DateTime Parse(int line, string text)
        {
            if (numeric)
            {
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    ? Epoch.AddSeconds(number * numericScale)
                    : throw new InvalidDataException($"{path} line {line}, column 'timestamp': '{text}' is not a number like the timestamps before it.");
            }
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
                ? time
                : throw new InvalidDataException($"{path} line {line}, column 'timestamp': '{text}' is not a date and time (use ISO 8601, e.g. 2026-11-11T08:00:00Z, or Unix seconds).");
        }
    }
}
