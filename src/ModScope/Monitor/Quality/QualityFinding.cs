using ModScope.Monitor.Findings;

namespace ModScope.Monitor.Quality;

/// <summary>One data-quality problem: what is wrong, where, how badly, and how it was judged.</summary>
/// <param name="Check">The check that found it.</param>
/// <param name="Severity">Warning or critical.</param>
/// <param name="Source">The event table (<c>decisions</c>, <c>qa_audits</c>, <c>appeals</c>, <c>staffing</c>).</param>
/// <param name="Segment">Where in the source: <c>all rows</c>, <c>site = KUL-ALPHA</c>, <c>column = language</c>, <c>file = x.csv</c>.</param>
/// <param name="Day">The day judged (an event day, or the day a file was loaded), or null when the finding has no day.</param>
/// <param name="Observed">The value seen.</param>
/// <param name="Expected">The usual value the observed one is compared with (volume: the baseline count), when there is one.</param>
/// <param name="Threshold">The limit that was crossed, when the check has one.</param>
/// <param name="Unit">The unit of <paramref name="Observed"/>, <paramref name="Expected"/> and <paramref name="Threshold"/>.</param>
/// <param name="Message">One English sentence: what is wrong and how it was judged.</param>
public sealed record QualityFinding(
    QualityCheckKind Check,
    QualitySeverity Severity,
    string Source,
    string Segment,
    DateOnly? Day,
    double Observed,
    double? Expected,
    double? Threshold,
    QualityUnit Unit,
    string Message)
{
    /// <summary>The finding as structure, rendered per language by <see cref="FindingRenderer"/>.</summary>
    public FindingFacts? Facts { get; init; }

    public override string ToString() =>
        $"{Severity} {Check} {Source} [{Segment}]{(Day is { } day ? " " + QualityText.Day(day) : "")}: {Message}";
}
