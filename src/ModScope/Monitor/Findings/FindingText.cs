using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ModScope.Monitor.Findings;

/// <summary>A language's finding templates (embedded <c>findings/findings.{lang}.json</c>) with named-placeholder filling.</summary>
internal sealed partial class FindingText
{
    private static readonly Dictionary<string, FindingText> Loaded = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly HashSet<string> _worded;

    private FindingText(string language, IReadOnlyDictionary<string, string> texts)
    {
        Language = language;
        _texts = texts;
        Culture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "zh-Hans-CN");
        // "value.DIMENSION.VALUE" keys: the dimensions whose values have words of their own.
        _worded = texts.Keys.Where(k => k.StartsWith("value.", StringComparison.Ordinal) && k.IndexOf('.', 6) > 6)
            .Select(k => k[6..k.IndexOf('.', 6)]).ToHashSet(StringComparer.Ordinal);
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    /// <summary>Whether the values of <paramref name="dimension"/> are enumerated with words (a <c>value.DIMENSION.*</c> text).</summary>
    public bool Enumerates(string dimension) => _worded.Contains(dimension);

    /// <summary>The texts of <c>en</c> or <c>zh-Hans</c>; any other tag is an argument error.</summary>
    public static FindingText For(string language)
    {
        var tag = language switch
        {
            "en" or "zh-Hans" => language,
            _ => throw new ArgumentException($"'{language}' is not a language of ModScope; use en or zh-Hans.", nameof(language)),
        };
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(tag, out var text))
            {
                using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"findings/findings.{tag}.json")
                    ?? throw new InvalidOperationException($"The finding texts for {tag} (findings/findings.{tag}.json) are not embedded in the library.");
                text = new FindingText(tag, JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []);
                Loaded[tag] = text;
            }
            return text;
        }
    }

    public bool Has(string key) => _texts.ContainsKey(key);

    public string this[string key] => _texts.TryGetValue(key, out var text) ? text
        : throw new KeyNotFoundException($"Finding text '{key}' is missing for {Language} (Monitor/Findings/findings.{Language}.json).");

    /// <summary>The template <paramref name="key"/> with each <c>{name}</c> replaced by <paramref name="value"/>(name).</summary>
    public string Fill(string key, Func<string, string> value) => Placeholder().Replace(this[key], m => value(m.Groups[1].Value));

    /// <summary>The placeholder names of a template.</summary>
    public IReadOnlySet<string> Placeholders(string key) =>
        Placeholder().Matches(this[key]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
