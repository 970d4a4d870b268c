using System.Globalization;
using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>
/// Text form of one cell, shared by the text formats: invariant numbers, timestamps as ISO-8601 UTC with
/// 'Z' (second precision, e.g. 2026-08-24T13:05:07Z), dates as yyyy-MM-dd. Returns false for a null cell.
/// </summary>
internal static class CellText
{
    /// <summary>Big enough for any formatted number, timestamp or date.</summary>
    public const int MaxNonTextLength = 64;

    public static bool TryFormat(IBatchColumn column, int row, Span<char> destination, out int written)
    {
        written = 0;
        switch (column.Kind)
        {
            case ColumnKind.WholeNumber when ((IBatchColumn<long?>)column)[row] is { } whole:
                return whole.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
            case ColumnKind.Number when ((IBatchColumn<double?>)column)[row] is { } number:
                return FormatNumber(number, destination, out written);
            case ColumnKind.Timestamp when ((IBatchColumn<DateTime?>)column)[row] is { } instant:
                written = FormatTimestamp(instant, destination);
                return true;
            case ColumnKind.Date when ((IBatchColumn<DateOnly?>)column)[row] is { } date:
                written = FormatDate(date, destination);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whole values without a fraction ("47"), others as the shortest round-trip form ("6.25").</summary>
    private static bool FormatNumber(double value, Span<char> destination, out int written) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).TryFormat(destination, out written, default, CultureInfo.InvariantCulture)
            : value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);

    private static int FormatTimestamp(DateTime instant, Span<char> destination)
    {
        FormatDate(DateOnly.FromDateTime(instant), destination);
        destination[10] = 'T';
        Two(instant.Hour, destination[11..]);
        destination[13] = ':';
        Two(instant.Minute, destination[14..]);
        destination[16] = ':';
        Two(instant.Second, destination[17..]);
        destination[19] = 'Z';
        return 20;
    }

    private static int FormatDate(DateOnly date, Span<char> destination)
    {
        date.Deconstruct(out var year, out var month, out var day);
        Two(year / 100, destination);
        Two(year % 100, destination[2..]);
        destination[4] = '-';
        Two(month, destination[5..]);
        destination[7] = '-';
        Two(day, destination[8..]);
        return 10;
    }

    private static void Two(int value, Span<char> destination)
    {
        destination[0] = (char)('0' + (value / 10));
        destination[1] = (char)('0' + (value % 10));
    }
}
