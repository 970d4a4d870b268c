namespace ModScope.Reports.Story;

/// <summary>
/// The overview's short "what changed" line: the largest significant movements of the page's metrics with their
/// segments, chosen by the exec report's own rules (<see cref="Movements"/>: only changes the query's test found
/// significant, slices large enough to judge, ranked by size × weight, raised when the target was crossed) and worded
/// as its sentences (<see cref="ExecStory.MovementFact"/>, with the known event they coincide with, <see cref="MovementEvents"/>).
/// </summary>
public static class ChangeLine
{
    /// <summary>Most movements on the line: it is read at a glance, the exec report lists up to five.</summary>
    public const int MaxMovements = 3;

    public static IReadOnlyList<Change> Build(ReportData data, IReadOnlyList<string> metrics, IReadOnlyList<string> dimensions, StoryRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rules);
        var shorter = rules with
        {
            MaxMovements = Math.Min(rules.MaxMovements, MaxMovements),
            MinMovements = Math.Min(rules.MinMovements, MaxMovements),
        };
        return Movements.Top(Movements.Find(data, metrics, dimensions, rules), shorter)
            .Select(m => new Change(m, ExecStory.MovementFact(m, MovementEvents.Of(data, m))))
            .ToList();
    }
}
