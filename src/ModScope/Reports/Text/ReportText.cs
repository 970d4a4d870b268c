using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ModScope.Reports.Text;

/// <summary>A language's report texts (embedded <c>reports/report.{lang}.json</c>), with named-placeholder filling.</summary>
public sealed partial class ReportText
{
    public static readonly IReadOnlyList<string> Languages = ["en", "zh-Hans"];

    private readonly IReadOnlyDictionary<string, string> _texts;

    private ReportText(string language, IReadOnlyDictionary<string, string> texts)
    {
        Language = language;
        _texts = texts;
        Culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "zh-CN");
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public IEnumerable<string> Keys => _texts.Keys;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReportText> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// The texts for <c>en</c> or <c>zh-Hans</c> (also accepts zh, zh-CN); anything else is an argument error. Read from
    /// the build once per language (the texts never change; the dashboard words rows with them).
    /// </summary>
    public static ReportText For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var tag = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-Hans"
            : language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en"
            : throw new ArgumentException($"Unknown report language '{language}'; use en or zh-Hans.", nameof(language));
        return Loaded.GetOrAdd(tag, Load);
    }

    private static ReportText Load(string tag)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"reports/report.{tag}.json")
            ?? throw new InvalidOperationException($"The report texts for {tag} are not embedded in the build.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
        return new ReportText(tag, texts);
    }

    public bool Has(string key) => _texts.ContainsKey(key);

    public string this[string key] => _texts.TryGetValue(key, out var text) ? text
        : throw new KeyNotFoundException($"Report text '{key}' is missing for {Language}.");

    /// <summary>The template <paramref name="key"/> with each <c>{name}</c> replaced; a placeholder without a value is an error.</summary>
    public string Fill(string key, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(this[key], m => values.TryGetValue(m.Groups[1].Value, out var v) ? v
            : throw new KeyNotFoundException($"Report text '{key}' ({Language}) needs '{{{m.Groups[1].Value}}}', which the fact does not give."));
    }

    /// <summary>The placeholder names of a template.</summary>
    public IReadOnlySet<string> Placeholders(string key) =>
        Placeholder().Matches(this[key]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
