namespace ModScope.Monitor.Findings;

/// <summary>How a finding's fact is shown: the renderer formats each kind per language.</summary>
public enum FactKind
{
    /// <summary>Language-neutral text shown as it is (a file name, a column, a key value, an exception's words).</summary>
    Text,

    /// <summary>A whole number of rows, keys or days.</summary>
    Count,

    /// <summary>A share between 0 and 1, shown in percent.</summary>
    Share,

    /// <summary>A signed relative change (0.25 = +25%), shown in percent with its sign.</summary>
    SignedShare,

    /// <summary>A plain number (a robust z), one decimal.</summary>
    Number,

    /// <summary>Hours (a freshness lag), with the language's unit.</summary>
    Hours,

    /// <summary>A day (<see cref="FindingFact.Text"/> is <c>yyyy-MM-dd</c>).</summary>
    Day,

    /// <summary>The weekday of a day (<see cref="FindingFact.Text"/> is <c>yyyy-MM-dd</c>).</summary>
    Weekday,

    /// <summary>A UTC instant (<see cref="FindingFact.Text"/> is <c>yyyy-MM-ddTHH:mm</c>).</summary>
    Time,

    /// <summary>A metric's display name (<see cref="FindingFact.Text"/> is its id).</summary>
    Metric,

    /// <summary>A value of a metric, in the metric's format (<see cref="FindingFact.Text"/> is the metric id).</summary>
    Value,

    /// <summary>A segment (<see cref="FindingFact.Text"/> is canonical <c>dimension=value;…</c>, empty for the total), with display names.</summary>
    Segment,

    /// <summary>An event table (<c>decisions</c>, <c>qa_audits</c>, ...) by its name in the language.</summary>
    Source,

    /// <summary>Example values (<see cref="FindingFact.Text"/> one per line), each quoted and listed in the language's way ('D-1', 'D-2' / “D-1”、“D-2”).</summary>
    Examples,

    /// <summary>A name in both languages (a calendar event): <see cref="FindingFact.Text"/> English, <see cref="FindingFact.TextZh"/> Chinese.</summary>
    Name,

    /// <summary>Another template of the same language (<see cref="FindingFact.Text"/> is its key), filled from the same facts.</summary>
    Part,
}
