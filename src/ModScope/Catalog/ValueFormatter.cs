using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace ModScope.Catalog;

/// <summary>
/// The one formatter of metric values for people, per language: the number in the language's culture (en-GB, zh-Hans-CN;
/// invariant for the CLI and the monitor's messages), the unit in the language's words (embedded <c>units.json</c>), the
/// digits by <see cref="ValueStyle"/>. The CLI, the dashboard and the reports all format through it.
/// </summary>
public sealed class ValueFormatter
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Units = LoadUnits();
    private readonly IReadOnlyDictionary<string, string> _units;

    private ValueFormatter(CultureInfo culture, string language)
    {
        Culture = culture;
        _units = Units.TryGetValue(language, out var units) ? units
            : throw new ArgumentException($"No unit words for language '{language}'; use en or zh-Hans.", nameof(language));
    }

    /// <summary>Invariant culture, English units: the CLI and the monitor's alert messages.</summary>
    public static ValueFormatter Invariant { get; } = new(CultureInfo.InvariantCulture, "en");

    /// <summary>The formatter of a language: en (en-GB numbers) or zh-Hans (zh-Hans-CN numbers).</summary>
    public static ValueFormatter For(string language) => language switch
    {
        "zh-Hans" => ZhHans,
        "en" => English,
        _ => throw new ArgumentException($"'{language}' is not a language; use en or zh-Hans.", nameof(language)),
    };

    private static readonly ValueFormatter English = new(CultureInfo.GetCultureInfo("en-GB"), "en");
    private static readonly ValueFormatter ZhHans = new(CultureInfo.GetCultureInfo("zh-Hans-CN"), "zh-Hans");

    public CultureInfo Culture { get; }

    /// <summary>A value in its metric's format, or <paramref name="missing"/> when there is none (or it is not finite).</summary>
    public string Value(MetricDefinition metric, double? value, ValueStyle style = ValueStyle.Table, string missing = "–")
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (value is not { } v || !double.IsFinite(v))
        {
            return missing;
        }
        return (metric.Format, style) switch
        {
            (ValueFormat.Percent, ValueStyle.Table) => (v * 100).ToString("N2", Culture) + "%",
            (ValueFormat.Percent, _) => (v * 100).ToString(Math.Abs(v) < 0.1 ? "0.00" : "0.0", Culture) + "%",
            (ValueFormat.WholeNumber, _) => Math.Round(v).ToString("N0", Culture),
            (ValueFormat.Hours, ValueStyle.Table) => Unit("hours", v.ToString("N2", Culture)),
            (ValueFormat.Hours, _) => Unit("hours", v.ToString("0.0", Culture)),
            (ValueFormat.Seconds, ValueStyle.Table) => Unit("seconds", v.ToString("N1", Culture)),
            (ValueFormat.Seconds, _) => Unit("seconds", v.ToString("0", Culture)),
            (ValueFormat.Currency, ValueStyle.Table) => v.ToString("N2", Culture),
            (ValueFormat.Currency, _) when metric.Currency is { } code && code != ReportingCurrency.Default => $"{v.ToString("0.00", Culture)} {code}",
            (ValueFormat.Currency, _) => Unit("currency", v.ToString("0.00", Culture)),
            (ValueFormat.ThreeDecimals, ValueStyle.Table) => v.ToString("N3", Culture),
            (ValueFormat.ThreeDecimals, _) => v.ToString("0.00", Culture),
            (_, ValueStyle.Table) => v.ToString("N2", Culture),
            _ => v.ToString("0.0", Culture),
        };
    }

    /// <summary>
    /// A change between two periods. Table style: percentage points for a metric shown in percent (two decimals), else
    /// the relative change, else (from zero) the absolute one, signed + or -. Prose style: the typographic minus (no sign
    /// when <paramref name="withSign"/> is false), points for a percent metric, else the amount in the metric's unit.
    /// </summary>
    public string Change(MetricDefinition metric, double? absolute, double? relative, ValueStyle style = ValueStyle.Table, bool withSign = true)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var percent = metric.Format == ValueFormat.Percent;
        if (style == ValueStyle.Table)
        {
            return (percent, Finite(absolute), Finite(relative)) switch
            {
                (true, { } points, _) => Unit("points", (points * 100).ToString("+0.00;-0.00;0.00", Culture)),
                (_, _, { } r) => (r * 100).ToString("+0.0;-0.0;0.0", Culture) + "%",
                (_, { } a, _) => a.ToString("+0.##;-0.##;0", Culture),
                _ => "–",
            };
        }
        if (Finite(absolute) is not { } c)
        {
            return "–";
        }
        var sign = withSign && c > 0 ? "+" : withSign && c < 0 ? "−" : "";
        var size = Math.Abs(c);
        return percent
            ? sign + Unit("points", (size * 100).ToString(size * 100 < 1 ? "0.00" : "0.0", Culture))
            : sign + Value(metric, size, ValueStyle.Prose);
    }

    /// <summary>A catalogue unit (<c>ratio</c>, <c>decisions per hour</c>) in the language's words; a unit without words as it is written.</summary>
    public string UnitName(string unit) => _units.TryGetValue("name." + unit, out var name) ? name : unit;

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private string Unit(string unit, string number) => string.Format(Culture, _units[unit], number);

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> LoadUnits()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("catalog/units.json")
            ?? throw new InvalidOperationException("The unit words (catalog/units.json) are not embedded in the library.");
        return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!
            .ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }
}
