using System.Text;
using System.Text.RegularExpressions;

namespace ModScope.Monitor.Findings;

/// <summary>
/// An alert's baseline paragraph (how its expected value and band were computed, <see cref="Detection.BaselineNote"/>)
/// in a language. Alerts store it as English text only, so its facts are read back from that text with the English
/// templates (<c>baseline.*</c> of <c>findings.en.json</c>, the same words <see cref="Detection.BaselineNote.Describe"/>
/// writes) and filled into the language's; a paragraph in no known shape is shown as stored. No migration: every stored
/// paragraph has these shapes.
/// </summary>
public static class BaselineWords
{
    /// <summary>The parts of a paragraph with more than one wording, each with its wordings (<c>none</c>: left out).</summary>
    private static readonly Dictionary<string, string[]> Parts = new(StringComparer.Ordinal)
    {
        ["season"] = ["baseline.season.seasonal", "baseline.season.pooled", "baseline.season.recent", "baseline.season.no_season", "baseline.season.better"],
        ["span"] = ["baseline.span.days", "baseline.span.hours", "baseline.span.minutes", "baseline.span.seconds"],
        ["band"] = ["baseline.band.learned", "baseline.band.event", "baseline.band.sampling", "baseline.band.spread"],
        ["sample"] = ["baseline.sample.n", "baseline.sample.se", "none"],
        ["known"] = ["baseline.known", "none"],
    };

    private static readonly Lazy<Regex> Pattern = new(() =>
        new Regex("^" + PatternOf("baseline", FindingText.For("en")) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline));

    /// <summary>The stored paragraph in <paramref name="text"/>'s language; <paramref name="stored"/> itself when its shape is unknown.</summary>
    internal static string Say(string stored, FindingText text)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern.Value.Match(stored);
        return match.Success ? Fill("baseline", match, text, FindingText.For("en")) : stored;
    }

    // The English template as a regular expression: its words literally, a value as a lazy group named after it, a part
    // as the alternation of its wordings, each in a group (p_part_i) that says which one matched.
    private static string PatternOf(string key, FindingText en)
    {
        var template = en[key];
        var pattern = new StringBuilder();
        var at = 0;
        foreach (Match m in Regex.Matches(template, @"\{([a-z_]+)\}"))
        {
            pattern.Append(Regex.Escape(template[at..m.Index]));
            var name = m.Groups[1].Value;
            pattern.Append(Parts.TryGetValue(name, out var wordings)
                ? "(?:" + string.Join('|', wordings.Select((w, i) => $"(?<p_{name}_{i}>{PatternOf(w, en)})")) + ")"
                : $"(?<{name}>.*?)");
            at = m.Index + m.Length;
        }
        return pattern.Append(Regex.Escape(template[at..])).ToString();
    }

    private static string Fill(string key, Match match, FindingText text, FindingText en) =>
        text.Fill(key, name => Parts.TryGetValue(name, out var wordings)
            ? Fill(wordings[Enumerable.Range(0, wordings.Length).First(i => match.Groups[$"p_{name}_{i}"].Success)], match, text, en)
            : match.Groups[name].Value);
}
