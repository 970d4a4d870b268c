using System.Globalization;
using ModScope.Model;
using ModScope.Planning.Opportunities;

namespace ModScope.Web.Api.Plan;

/// <summary>
/// An opportunity in the page's language: its kind and unit from the labels (<c>opportunity.kind.*</c>,
/// <c>opportunity.unit.*</c>), its subject by display names (<see cref="PlaceNames"/>; a moderator as a pseudonym for a
/// caller who may not see people), and each evidence value with its label (<c>evidence.*</c>), shares in percent.
/// </summary>
internal sealed class OpportunityWords(string language, ReferenceData reference, Func<string, string> person)
{
    private static readonly HashSet<string> Shares = new(StringComparer.Ordinal)
    {
        "automation_rate", "automated_accuracy", "human_accuracy", "difference_lower_bound", "slower_by", "worst_attainment", "stratum_accuracy",
    };

    private CultureInfo Culture => CultureFormat.Culture(language);

    public static string UnitId(SizeUnit unit) => unit switch
    {
        SizeUnit.HandlingHours => "handling-hours",
        SizeUnit.ProductiveHours => "productive-hours",
        SizeUnit.ScheduledHours => "scheduled-hours",
        _ => "audits",
    };

    public string Kind(OpportunityKind kind) => Labels.Get(language, $"opportunity.kind.{OpportunityKinds.Name(kind)}");

    public string Unit(SizeUnit unit) => Labels.Get(language, $"opportunity.unit.{UnitId(unit)}");

    /// <summary>The subject with people's ids as the caller may see them.</summary>
    public IReadOnlyDictionary<string, string> Subject(Opportunity o) =>
        o.Subject.ToDictionary(kv => kv.Key, kv => kv.Key == "moderator" ? person(kv.Value) : kv.Value, StringComparer.Ordinal);

    /// <summary>The subject's values by name, joined: "Indonesia · ID patrol"; the automated decisions' QA design (site <c>(none)</c>) by its words.</summary>
    public string SubjectName(IReadOnlyDictionary<string, string> subject) =>
        string.Join(" · ", subject.Select(kv => kv.Key == "site" && kv.Value == "(none)"
            ? Labels.Get(language, "opportunity.automatedSite")
            : PlaceNames.Name(reference, kv.Key, kv.Value, language)));

    public string Number(double value) => value.ToString(Math.Abs(value) >= 100 || value == Math.Round(value) ? "N0" : "N1", Culture);

    public string Money(double value, string currency) => $"{currency} {value.ToString("N0", Culture)}";

    public string Range(double low, double high) => string.Format(Culture, Labels.Get(language, "opportunity.range"), Number(low), Number(high));

    public EvidenceView Evidence(Evidence e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var label = Labels.For(language).TryGetValue($"evidence.{e.Key}", out var text) ? text : e.Key;
        if (e.About is { } about)
        {
            label = string.Format(Culture, Labels.Get(language, "evidence.about"), label, Labels.For(language).TryGetValue($"evidence.stratum.{about}", out var a) ? a : about);
        }
        var number = e.Value is not { } v ? null : Shares.Contains(e.Key) ? v.ToString("P1", Culture) : Number(v);
        var value = (number, e.Text) switch
        {
            (null, null) => "",
            (null, { } t) => t,
            ({ } n, null) => n,
            ({ } n, { } t) => string.Format(Culture, Labels.Get(language, "evidence.withText"), n, t),
        };
        return new EvidenceView(e.Key, label, value);
    }
}
