using System.Globalization;

namespace ModScope.Monitor.Quality;

/// <summary>How numbers and days read in finding messages (invariant culture).</summary>
internal static class QualityText
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Plural(long count, string one, string many) => $"{Count(count)} {(count == 1 ? one : many)}";
}
