using System.Text.RegularExpressions;

namespace ModScope.Monitor.Findings;

/// <summary>
/// A quarantined or waiting row's reason as a finding. The stored row already holds the structure: its rule
/// (<c>quarantine.rule</c>, the reason's code), its column (<c>quarantine.field</c>) and, in its English message, the
/// offending value quoted first: Ingest writes <c>'XX' is not a known market …</c> (the raw value, at most 80 characters,
/// between single quotes; a duplicate or a waiting audit names its key the same way). So the store and its history stay as
/// they are (no migration; rows stored before read alike), the message stays the CLI's and log's English, and the
/// template <c>quarantine.{rule}</c> of <c>findings.{lang}.json</c> words it per language. A rule without a template,
/// or a message whose value cannot be read back, is shown in its stored words.
/// </summary>
public static partial class QuarantineFindings
{
    /// <summary>The rules whose words quote the offending value.</summary>
    private static readonly HashSet<string> ValueRules = new(StringComparer.Ordinal)
    {
        "bad_number", "bad_whole_number", "bad_timestamp", "bad_date", "bad_boolean", "timestamp_without_offset",
        "unknown_value", "below_minimum", "above_maximum", "unknown_reference", "duplicate_id", "orphan_reference",
        "timestamp_out_of_range",
    };

    /// <summary>The reason of one row as facts, or null when its words need a value its message does not quote.</summary>
    public static FindingFacts? Of(string rule, string? field, string message)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(message);
        var facts = new List<(string, FindingFact)> { ("column", FindingFacts.Text(field ?? "")) };
        if (ValueRules.Contains(rule))
        {
            if (Quoted(message) is not { } value)
            {
                return null;
            }
            facts.Add(("value", FindingFacts.Text(value)));
        }
        if (rule is "below_minimum" or "above_maximum")
        {
            // "'-3' is below the minimum 0 for handling_seconds"
            if (Bound().Match(message) is not { Success: true } bound)
            {
                return null;
            }
            facts.Add(("bound", FindingFacts.Text(bound.Groups[1].Value)));
        }
        return FindingFacts.Of("quarantine." + rule, [.. facts]);
    }

    /// <summary>The value a message quotes: from its first single quote to the last quote before a space.</summary>
    public static string? Quoted(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf("' ", StringComparison.Ordinal);
        return start >= 0 && end > start ? message[(start + 1)..end] : null;
    }

    [GeneratedRegex(@"' is (?:below the minimum|above the maximum) (\S+) for ")]
    private static partial Regex Bound();
}
