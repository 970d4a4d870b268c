namespace ModScope.Reports.Story;

/// <summary>
/// One statement of the report: a sentence template key (resolved per language) with named arguments, the result
/// set(s) its numbers come from, and the score that ranked it (higher first).
/// </summary>
public sealed record Fact(string Key, IReadOnlyDictionary<string, FactArg> Args, IReadOnlyList<string> Sources, double Score = 0)
{
    /// <summary>The template used where a language has no text for <see cref="Key"/> (a metric's own sentence, else the generic one).</summary>
    public string? Fallback { get; init; }

    public static Fact Of(string key, string source, params (string Name, FactArg Arg)[] args) =>
        new(key, args.ToDictionary(a => a.Name, a => a.Arg, StringComparer.Ordinal), [source]);
}
