using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModScope.Monitor.Findings;

/// <summary>
/// A finding as structure instead of words: the text template (a key of <c>findings.{lang}.json</c>, such as
/// <c>metric.rose</c> or <c>volume.none</c>) and its named facts. <see cref="FindingRenderer"/> turns it into a sentence
/// per language; the store keeps it as JSON beside the English message (migration 5).
/// </summary>
public sealed record FindingFacts(string Template, IReadOnlyDictionary<string, FindingFact> Facts)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>A template with its facts, named in pairs.</summary>
    public static FindingFacts Of(string template, params (string Name, FindingFact Fact)[] facts) =>
        new(template, facts.ToDictionary(f => f.Name, f => f.Fact, StringComparer.Ordinal));

    public static FindingFact Count(long value) => new(FactKind.Count, value);

    public static FindingFact Share(double value) => new(FactKind.Share, value);

    public static FindingFact Source(string table) => new(FactKind.Source, Text: table);

    public static FindingFact Text(string value) => new(FactKind.Text, Text: value);

    /// <summary>Example values (keys of offending rows), each quoted and listed in the language's way.</summary>
    public static FindingFact Examples(IEnumerable<string> values) => new(FactKind.Examples, Text: string.Join('\n', values));

    public static FindingFact Of(FactKind kind, double value) => new(kind, value);

    public static FindingFact Day(DateOnly day, FactKind kind = FactKind.Day) =>
        new(kind, Text: day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static FindingFact Time(DateTime time) => new(FactKind.Time, Text: time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>
    /// Equal when the template and every named fact are equal: a record's generated equality would compare the
    /// dictionary by reference, so the same finding found twice (DuckDB and ClickHouse) would differ.
    /// </summary>
    public bool Equals(FindingFacts? other) =>
        other is not null && Template == other.Template && Facts.Count == other.Facts.Count
        && Facts.All(f => other.Facts.TryGetValue(f.Key, out var fact) && f.Value == fact);

    public override int GetHashCode() => HashCode.Combine(Template, Facts.Count);

    /// <summary>The facts stored as <paramref name="json"/>, or null for an alert stored before findings had structure.</summary>
    public static FindingFacts? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<FindingFacts>(json, Json);
}
