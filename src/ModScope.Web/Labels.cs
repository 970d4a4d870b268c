using System.Collections.Frozen;
using System.Text.Json;

namespace ModScope.Web;

/// <summary>UI text per language, from the embedded <c>Resources/labels.{lang}.json</c> files (en, zh-Hans).</summary>
internal static class Labels
{
    public static readonly IReadOnlyList<string> Languages = ["en", "zh-Hans"];

    private static readonly FrozenDictionary<string, IReadOnlyDictionary<string, string>> All =
        Languages.ToFrozenDictionary(l => l, Load, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> For(string language) => All[language];

    public static string Get(string language, string key) =>
        All[language].TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No label '{key}' in labels.{language}.json.");

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        var name = $"ModScope.Web.Resources.labels.{language}.json";
        using var stream = typeof(Labels).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Resource '{name}' is not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}
