using System.Globalization;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Scan;

namespace ModScope.Monitor.Findings;

/// <summary>
/// Turns a structured finding (an alert's or a data check's <see cref="FindingFacts"/>) into one sentence in a language,
/// from the templates of <c>findings.{lang}.json</c>: metric names from the catalogue, segments and places with their
/// display names from the engine's reference data (印度尼西亚市场, 东南亚), numbers and days in the language's culture.
/// A finding stored before findings had structure is shown in its stored words.
/// </summary>
public sealed class FindingRenderer
{
    private readonly MetricCatalog _catalog;
    private readonly ReferenceData _reference;
    private readonly FindingText _text;

    /// <param name="language"><c>en</c> or <c>zh-Hans</c> (<c>zh</c>, <c>zh-CN</c> read as zh-Hans).</param>
    public FindingRenderer(MetricCatalog catalog, ReferenceData reference, string language)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(language);
        _catalog = catalog;
        _reference = reference;
        _text = FindingText.For(language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-Hans" : language);
    }

    public string Language => _text.Language;

    /// <summary>The finding in words; <paramref name="stored"/> (the English message kept with it) when it has no structure.</summary>
    /// <param name="restated">Whether a later load restated its days away (the sentence says so).</param>
    public string Render(FindingFacts? facts, string stored, bool restated = false)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (facts is null || !_text.Has(facts.Template))
        {
            return stored;
        }
        var text = Fill(facts.Template, facts.Facts);
        return restated ? _text.Fill("restated", _ => text) : text;
    }

    /// <summary>A finding made here and now (never stored without structure), such as an item of <c>modscope check</c>.</summary>
    public string Render(FindingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Fill(facts.Template, facts.Facts);
    }

    /// <summary>The template <paramref name="template"/> filled with <paramref name="facts"/> (a label, a line of a view).</summary>
    public string Say(string template, params (string Name, FindingFact Fact)[] facts) =>
        Fill(template, FindingFacts.Of(template, facts).Facts);

    /// <summary>A canonical segment (<c>market=ID;decided_by=human</c>) with display names; the total for an empty one.</summary>
    public string Segment(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var pairs = SeriesKey.Parse(canonical);
        if (pairs.Count == 0)
        {
            return _text["segment.total"];
        }
        return string.Join(_text["segment.join"], pairs.Select(p =>
        {
            var missing = p.Value is null or "(none)";
            var worded = !missing && _text.Has($"value.{p.Key}.{p.Value}");
            var name = missing ? _text["segment.missing"]
                : worded ? _text[$"value.{p.Key}.{p.Value}"]
                : PlaceNames.Name(_reference, p.Key, p.Value, Language);
            var dimension = _catalog.Dimensions.FirstOrDefault(d => d.Id == p.Key)?.Name.In(Language) ?? p.Key;
            // A dimension's own word order (仇恨言论政策, 人工审核) where the language has one; a missing value, or a value of
            // an enumerated dimension with no words (a team's own), keeps the dimension's name in front (审核对象类型coupon).
            var enumerated = _text.Enumerates(p.Key);
            var key = !missing && (worded || !enumerated) && _text.Has("segment." + p.Key) ? "segment." + p.Key : "segment.other";
            // A name that already ends with what the template adds after it (a team's site 怡保站点) is not given it twice.
            var template = _text[key];
            if (template.StartsWith("{name}", StringComparison.Ordinal) && template.Length > "{name}".Length && template.IndexOf('{', 1) < 0
                && name.EndsWith(template["{name}".Length..], StringComparison.Ordinal))
            {
                return name;
            }
            return _text.Fill(key, part => part == "name" ? name : dimension);
        }));
    }

    /// <summary>An alert's stored baseline paragraph (English) in this language (<see cref="BaselineWords"/>).</summary>
    public string Baseline(string stored) => BaselineWords.Say(stored, _text);

    /// <summary>
    /// A data alert's subject (<c>volume:decisions</c>: the check, then its source or channel) in words; the subject
    /// itself when its check has none (a metric's id is named by the catalogue instead).
    /// </summary>
    public string Subject(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var colon = subject.IndexOf(':', StringComparison.Ordinal);
        var check = colon < 0 ? subject : subject[..colon];
        if (!_text.Has("subject." + check))
        {
            return subject;
        }
        var source = colon < 0 ? "" : subject[(colon + 1)..];
        var name = _text.Has("source." + source) ? _text["source." + source] : source;
        return _text.Fill("subject." + check, _ => name);
    }

    private string Fill(string template, IReadOnlyDictionary<string, FindingFact> facts) =>
        _text.Fill(template, name => facts.TryGetValue(name, out var fact) ? Show(name is "lower" or "upper" ? Bounded(fact) : fact, facts)
            : throw new KeyNotFoundException($"Finding text '{template}' ({Language}) needs '{{{name}}}', which the finding does not give."));

    /// <summary>
    /// A band's bound inside the values its metric can take (<see cref="MetricRange"/>: a median's band never reaches below
    /// 0 hours), as the alert's chart draws it; the stored band, and alerts stored before, are unchanged.
    /// </summary>
    private FindingFact Bounded(FindingFact fact) =>
        fact.Kind == FactKind.Value && fact.Number is not null && _catalog.Metrics.FirstOrDefault(m => m.Id == fact.Text) is { } metric
            ? fact with { Number = MetricRange.Of(metric).Clamp(fact.Number) }
            : fact;

    private string Show(FindingFact fact, IReadOnlyDictionary<string, FindingFact> facts)
    {
        var culture = _text.Culture;
        var n = fact.Number ?? double.NaN;
        return fact.Kind switch
        {
            FactKind.Text => fact.Text ?? "",
            FactKind.Count => double.IsFinite(n) ? Math.Round(n).ToString("N0", culture) : _text["missing"],
            FactKind.Share => double.IsFinite(n) ? (n * 100).ToString("0.0", culture) + "%" : _text["missing"],
            FactKind.SignedShare => !double.IsFinite(n) ? _text["missing"]
                : (n > 0 ? "+" : n < 0 ? "−" : "") + Math.Abs(n * 100).ToString("0.0", culture) + "%",
            FactKind.Number => double.IsFinite(n) ? n.ToString("0.0", culture) : _text["missing"],
            FactKind.Hours => double.IsFinite(n) ? string.Format(culture, _text["unit.hours"], n.ToString("#,0.#", culture)) : _text["missing"],
            FactKind.Day => Day(fact).ToString(_text["format.date"], culture),
            FactKind.Weekday => Day(fact).ToString(_text["format.weekday"], culture),
            FactKind.Time => DateTime.ParseExact(fact.Text!, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture).ToString(_text["format.time"], culture),
            FactKind.Metric => _catalog.Metrics.FirstOrDefault(m => m.Id == fact.Text)?.Name.In(Language) ?? fact.Text ?? "",
            FactKind.Value => _catalog.Metrics.FirstOrDefault(m => m.Id == fact.Text) is { } metric
                ? ValueFormatter.For(Language).Value(metric, fact.Number, ValueStyle.Prose, _text["missing"])
                : double.IsFinite(n) ? n.ToString("#,0.##", culture) : _text["missing"],
            FactKind.Segment => Segment(fact.Text ?? ""),
            FactKind.Source => _text.Has("source." + fact.Text) ? _text["source." + fact.Text] : fact.Text ?? "",
            FactKind.Examples => string.Join(_text["examples.join"], (fact.Text ?? "").Split('\n').Select(v => _text.Fill("examples.item", _ => v))),
            FactKind.Name => Language == "zh-Hans" && !string.IsNullOrEmpty(fact.TextZh) ? fact.TextZh : fact.Text ?? "",
            FactKind.Part => Fill(fact.Text!, facts),
            _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.Kind, "Unknown fact kind."),
        };
    }

    private static DateOnly Day(FindingFact fact) => DateOnly.ParseExact(fact.Text!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
