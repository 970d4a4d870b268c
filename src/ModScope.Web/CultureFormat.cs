using System.Globalization;
using ModScope.Catalog;

namespace ModScope.Web;

/// <summary>Numbers and dates for people, in the culture of the chosen language (values through the library's <see cref="ValueFormatter"/>; date patterns from the label files).</summary>
internal static class CultureFormat
{
    public static CultureInfo Culture(string language) => ValueFormatter.For(language == "zh-Hans" ? "zh-Hans" : "en").Culture;

    /// <summary>A metric's value through the library's one formatter (table digits).</summary>
    public static string Value(MetricDefinition metric, double? value, string language) =>
        ValueFormatter.For(language == "zh-Hans" ? "zh-Hans" : "en").Value(metric, value);

    /// <summary>A change: percentage points for shares, else relative.</summary>
    public static string Change(MetricDefinition metric, double? absolute, double? relative, string language) =>
        ValueFormatter.For(language == "zh-Hans" ? "zh-Hans" : "en").Change(metric, absolute, relative);

    public static string Day(DateTime day, string language) => day.ToString(Labels.Get(language, "format.date"), Culture(language));

    public static string Day(DateOnly day, string language) => Day(day.ToDateTime(TimeOnly.MinValue), language);

    public static string Time(DateTime time, string language) => time.ToString(Labels.Get(language, "format.datetime"), Culture(language));

    public static string Number(double value, string language) => value.ToString("N0", Culture(language));
}
