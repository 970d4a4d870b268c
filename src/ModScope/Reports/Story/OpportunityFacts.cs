using ModScope.Planning.Opportunities;

namespace ModScope.Reports.Story;

/// <summary>
/// The Opportunities section of the regional report: the opportunities worth the most money a week in scope
/// (<see cref="ReportData.Opportunities"/>), one sentence each in words of its kind (<c>opp.{kind}</c>) with its size
/// a week, the interval and the money, and a caveat (<c>opp.{kind}.thin</c>) where the evidence is thin: the
/// interval's lower bound under half the point (the data allow a much smaller size). Each sentence cites the
/// opportunity's queries (<c>opportunity:{n}</c> in the appendix).
/// </summary>
public static class OpportunityFacts
{
    /// <summary>Opportunities a regional report lists.</summary>
    public const int RegionalCount = 5;

    /// <summary>The source an opportunity's sentence cites: its place in <see cref="ReportData.Opportunities"/>.</summary>
    public const string SourcePrefix = "opportunity:";

    /// <summary>The section, or null when the report did not size opportunities (exec and quality reports).</summary>
    public static StorySection? Section(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.OpportunitiesMissing is not null)
        {
            return new StorySection(SectionKind.Opportunities, [Fact.Of("opp.unavailable", ReportSets.Headline)]);
        }
        if (data.Opportunities is not { } found)
        {
            return null;
        }
        var facts = found.Take(RegionalCount).Select((o, i) => Sentence(o, i)).ToList();
        return new StorySection(SectionKind.Opportunities, facts.Count > 0 ? facts : [Fact.Of("opp.none", ReportSets.Headline)]);
    }

    /// <summary>Thin evidence: the interval's lower bound is under half the point.</summary>
    public static bool Thin(Opportunity o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.Size.Low < o.Size.Value / 2;
    }

    private static Fact Sentence(Opportunity o, int index)
    {
        var automated = o.Subject.TryGetValue("site", out var site) && site == "(none)";
        var subject = automated ? FactArg.Word("opp.automated") : FactArg.Segment(string.Join(';', o.Subject.Select(kv => $"{kv.Key}={kv.Value}")));
        return Fact.Of($"opp.{OpportunityKinds.Name(o.Kind)}{(Thin(o) ? ".thin" : "")}", SourcePrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("subject", subject), ("size", FactArg.Count(o.Size.Value)), ("low", FactArg.Count(o.Size.Low)), ("high", FactArg.Count(o.Size.High)),
            ("hours", FactArg.Count(o.HoursPerWeek)), ("money", FactArg.Count(o.MoneyPerWeek))) with { Score = o.MoneyPerWeek };
    }
}
