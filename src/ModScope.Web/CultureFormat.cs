using System.Globalization;
using ModScope.Catalog;

namespace ModScope.Web;

/// <summary>Numbers and dates for people, in the culture of the chosen language (patterns from the label files).</summary>
internal static class CultureFormat
{
    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "zh-Hans" ? "zh-Hans-CN" : "en-GB");

    public static string Value(MetricDefinition metric, double? value, string language)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "–";
        }
        var c = Culture(language);
        return metric.Format switch
        {
            "percent" => (v * 100).ToString("N2", c) + "%",
            "integer" => v.ToString("N0", c),
            "hours" => v.ToString("N2", c) + " " + Labels.Get(language, "unit.hours"),
            "seconds" => v.ToString("N1", c) + " " + Labels.Get(language, "unit.seconds"),
            "decimal" => v.ToString("N3", c),
            _ => v.ToString("N2", c),
        };
    }

    /// <summary>A change: percentage points for shares, else relative.</summary>
    public static string Change(MetricDefinition metric, double? absolute, double? relative, string language)
    {
        var c = Culture(language);
        if (metric.IsProportion && absolute is { } a && double.IsFinite(a))
        {
            return (a * 100).ToString("+0.00;-0.00;0.00", c) + " " + Labels.Get(language, "unit.pp");
        }
        return relative is { } r && double.IsFinite(r) ? (r * 100).ToString("+0.0;-0.0;0.0", c) + "%" : "–";
    }

    public static string Day(DateTime day, string language) => day.ToString(Labels.Get(language, "format.date"), Culture(language));

    public static string Day(DateOnly day, string language) => Day(day.ToDateTime(TimeOnly.MinValue), language);

    public static string Time(DateTime time, string language) => time.ToString(Labels.Get(language, "format.datetime"), Culture(language));

    public static string Number(double value, string language) => value.ToString("N0", Culture(language));
}
