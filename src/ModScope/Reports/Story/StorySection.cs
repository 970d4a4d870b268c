namespace ModScope.Reports.Story;

/// <summary>One section of a storyline: its facts in order, then its tables.</summary>
public sealed record StorySection(SectionKind Kind, IReadOnlyList<Fact> Facts, IReadOnlyList<FactTable> Tables)
{
    public StorySection(SectionKind kind, IReadOnlyList<Fact> facts) : this(kind, facts, []) { }
}
