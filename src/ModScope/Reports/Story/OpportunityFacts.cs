using System.Globalization;
using ModScope.Planning.Opportunities;

namespace ModScope.Reports.Story;

/// <summary>
/// The Opportunities section of the exec and regional reports: the opportunities worth the most money a week in scope
/// (<see cref="ReportData.Opportunities"/>). The regional report says each of its top five in a sentence in words of its
/// kind (<c>opp.{kind}</c>) with its size a week, the interval and the money, and a caveat (<c>opp.{kind}.thin</c>)
/// where the evidence is thin: the interval's lower bound under half the point (the data allow a much smaller size).
/// The exec page, whose PDF is one A4 page before the appendix, gives its top three one line each (<see cref="Line"/>).
/// Each fact cites the opportunity's queries (<c>opportunity:{n}</c> in the appendix).
/// </summary>
public static class OpportunityFacts
{
    /// <summary>Opportunities a regional report lists.</summary>
    public const int RegionalCount = 5;

    /// <summary>Opportunities an exec page lists, one line each.</summary>
    public const int ExecCount = 3;

    /// <summary>The source an opportunity's sentence cites: its place in <see cref="ReportData.Opportunities"/>.</summary>
    public const string SourcePrefix = "opportunity:";

    /// <summary>The section, or null when the report did not size opportunities (quality reports).</summary>
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
        var exec = data.Scope.Audience == ReportAudience.Exec;
        var facts = found.Take(exec ? ExecCount : RegionalCount).Select((o, i) => exec ? Line(o, i) : Sentence(o, i)).ToList();
        return new StorySection(SectionKind.Opportunities, facts.Count > 0 ? facts : [Fact.Of("opp.none", ReportSets.Headline)]);
    }

    /// <summary>
    /// An interval with no width (a live-coverage need is the same planned from the forecast's lower and upper bounds:
    /// someone on duty every hour, whatever the volume): said without "(182 to 182)", with what its width means instead
    /// (<c>.fixed</c> templates).
    /// </summary>
    public static bool Fixed(OpportunitySize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        return size.High - size.Low <= 1e-9 * Math.Max(1.0, Math.Abs(size.Value));
    }

    /// <summary>Thin evidence: the interval's lower bound is under half the point.</summary>
    public static bool Thin(Opportunity o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.Size.Low < o.Size.Value / 2;
    }

    /// <summary>
    /// The exec page's line: the kind (<c>opp.kind.{kind}</c>), where, the scheduled hours and money a week each with its
    /// interval (the size's interval scaled: every kind's hours and money are its size times a constant), saved
    /// (<c>opp.line.save</c>) or needed (<c>opp.line.need</c>: SLA risk, live coverage), and one caveat word when thin.
    /// </summary>
    public static Fact Line(Opportunity o, int index)
    {
        ArgumentNullException.ThrowIfNull(o);
        var low = o.Size.Value > 0 ? o.Size.Low / o.Size.Value : 1.0;
        var high = o.Size.Value > 0 ? o.Size.High / o.Size.Value : 1.0;
        var need = o.Kind is OpportunityKind.SlaRisk or OpportunityKind.LiveCoverage;
        return Fact.Of($"opp.line.{(need ? "need" : "save")}{Caveat(o)}", Source(index),
            ("kind", FactArg.Word($"opp.kind.{OpportunityKinds.Name(o.Kind)}")), ("subject", Subject(o)),
            ("hours", FactArg.Count(o.HoursPerWeek)), ("hlow", FactArg.Count(o.HoursPerWeek * low)), ("hhigh", FactArg.Count(o.HoursPerWeek * high)),
            ("money", FactArg.Count(o.MoneyPerWeek)), ("mlow", FactArg.Count(o.MoneyPerWeek * low)), ("mhigh", FactArg.Count(o.MoneyPerWeek * high)))
            with { Score = o.MoneyPerWeek };
    }

    private static Fact Sentence(Opportunity o, int index) =>
        Fact.Of($"opp.{OpportunityKinds.Name(o.Kind)}{Caveat(o)}", Source(index),
            ("subject", Subject(o)), ("size", FactArg.Count(o.Size.Value)), ("low", FactArg.Count(o.Size.Low)), ("high", FactArg.Count(o.Size.High)),
            ("hours", FactArg.Count(o.HoursPerWeek)), ("money", FactArg.Count(o.MoneyPerWeek))) with { Score = o.MoneyPerWeek };

    private static string Caveat(Opportunity o) => Fixed(o.Size) ? ".fixed" : Thin(o) ? ".thin" : "";

    private static string Source(int index) => SourcePrefix + index.ToString(CultureInfo.InvariantCulture);

    private static FactArg Subject(Opportunity o) =>
        o.Subject.TryGetValue("site", out var site) && site == "(none)"
            ? FactArg.Word("opp.automated")
            : FactArg.Segment(string.Join(';', o.Subject.Select(kv => $"{kv.Key}={kv.Value}")));
}
