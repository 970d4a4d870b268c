namespace ModScope.Common;

/// <summary>What was wrong with a value a request gave; a small closed set, so a page can word each in its own language.</summary>
public enum ProblemKind
{
    /// <summary>A name or code that names nothing known (a market, a grain, a status).</summary>
    UnknownValue,

    /// <summary>Text that cannot be read as what it should be (a day, a period, a filter, a number).</summary>
    BadFormat,

    /// <summary>A readable value outside the range allowed (a day beyond the calendar, a number too large).</summary>
    OutOfRange,

    /// <summary>A known value this request or caller may not use (a dimension a metric lacks, a filter needing a role).</summary>
    NotAllowed,

    /// <summary>Nothing given where a value is needed.</summary>
    Missing,

    /// <summary>More than is allowed (a comment too long, an answer over the cap).</summary>
    TooLarge,
}

/// <summary>
/// The facts of a refused value, beside the English message: its <see cref="Kind"/>, the <see cref="Value"/> as sent,
/// what it was meant to name (<see cref="Subject"/>: <c>market</c>, <c>grain</c>, <c>day</c>…) and, where known, the
/// values or the form accepted. The dashboard words it per language; the CLI and API users read the message.
/// </summary>
public sealed record ProblemReason(ProblemKind Kind, string? Value = null, string? Subject = null, IReadOnlyList<string>? Accepted = null)
{
    /// <summary>The kind as the API names it: <c>unknown-value</c>, <c>bad-format</c>, <c>out-of-range</c>, <c>not-allowed</c>, <c>missing</c>, <c>too-large</c>.</summary>
    public string KindName => Name(Kind);

    public static string Name(ProblemKind kind) => kind switch
    {
        ProblemKind.UnknownValue => "unknown-value",
        ProblemKind.BadFormat => "bad-format",
        ProblemKind.OutOfRange => "out-of-range",
        ProblemKind.NotAllowed => "not-allowed",
        ProblemKind.Missing => "missing",
        ProblemKind.TooLarge => "too-large",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The known names closest to <see cref="Value"/> (<see cref="NearMatch"/>: "did you mean …?"), where any are.</summary>
    public IReadOnlyList<string>? Suggested { get; init; }

    /// <summary><paramref name="value"/> names no <paramref name="subject"/> known; <paramref name="accepted"/> are those that are.</summary>
    public static ProblemReason Unknown(string subject, string? value, IEnumerable<string>? accepted = null) =>
        new(ProblemKind.UnknownValue, value, subject, accepted?.ToList());

    /// <summary>
    /// This reason with the names of <paramref name="known"/> closest to its value suggested, if any are close: for a
    /// list too long to give as <see cref="Accepted"/> (the catalogue's metrics and dimensions).
    /// </summary>
    public ProblemReason Near(IEnumerable<string> known) =>
        Value is { Length: > 0 } value && NearMatch.Find(value, known) is { Count: > 0 } near ? this with { Suggested = near } : this;

    /// <summary><paramref name="value"/> cannot be read as a <paramref name="subject"/>; <paramref name="form"/> is how to write one.</summary>
    public static ProblemReason Format(string subject, string? value, params string[] form) =>
        new(ProblemKind.BadFormat, value, subject, form.Length == 0 ? null : form);

    /// <summary><paramref name="value"/> lies outside <paramref name="range"/> (written as <c>least..most</c>).</summary>
    public static ProblemReason Range(string subject, string? value, string range) =>
        new(ProblemKind.OutOfRange, value, subject, [range]);
}
