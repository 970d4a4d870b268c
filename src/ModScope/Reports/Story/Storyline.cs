namespace ModScope.Reports.Story;

/// <summary>What a report says, in order: the chosen sections with their facts and tables, and the trend charts.</summary>
public sealed record Storyline(ReportScope Scope, IReadOnlyList<StorySection> Sections, IReadOnlyList<ChartSpec> Charts)
{
    public StorySection? Section(SectionKind kind) => Sections.FirstOrDefault(s => s.Kind == kind);

    public IEnumerable<Fact> Facts => Sections.SelectMany(s => s.Facts);
}
