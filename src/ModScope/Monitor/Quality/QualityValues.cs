using System.Globalization;

namespace ModScope.Monitor.Quality;

/// <summary>Cells of a quality statement's rows as the checks read them, whichever engine returned them.</summary>
internal static class QualityValues
{
    public static long AsLong(object? value) => value is null ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>A boolean cell (ClickHouse returns a comparison as 0 or 1).</summary>
    public static bool AsBool(object? value) => value is bool b ? b : AsLong(value) != 0;

    public static string AsText(object? value) => value switch
    {
        null => "",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A date or timestamp cell as a day (ClickHouse returns dates as <see cref="DateTime"/>).</summary>
    public static DateOnly AsDay(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidCastException($"Expected a date, got {value?.GetType().Name ?? "NULL"}."),
    };

    public static DateTime AsTime(object? value) => value switch
    {
        DateTime t => t,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => throw new InvalidCastException($"Expected a timestamp, got {value?.GetType().Name ?? "NULL"}."),
    };
}
