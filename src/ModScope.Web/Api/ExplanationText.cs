using System.Globalization;
using ModScope.Catalog;
using ModScope.Monitor.Explanation;
using ModScope.Monitor.Findings;
using ModScope.Monitor.Scan;

namespace ModScope.Web.Api;

/// <summary>
/// An alert's stored explanation in words of the page's language, as <c>modscope explain --alert</c> prints it: root
/// causes and the narrower alerts held under it by their segments' display names (印度尼西亚市场, 东南亚; never
/// <c>market=ID</c>), values in the metric's format, and the mix/rate split as a sentence, all from <see cref="FindingRenderer"/>.
/// </summary>
internal sealed record ExplanationText(
    string Summary,
    IReadOnlyList<string> CauseHeaders,
    IReadOnlyList<IReadOnlyList<string>> Causes,
    IReadOnlyList<string> WithinHeaders,
    IReadOnlyList<IReadOnlyList<string>> Within,
    string? MixRate)
{
    /// <summary>Narrower alerts shown at most, strongest first.</summary>
    public const int MaxWithin = 5;

    public static ExplanationText Of(AlertExplanation e, MetricCatalog catalog, FindingRenderer words)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(words);
        var language = words.Language;
        var metric = catalog.Metrics.FirstOrDefault(m => m.Id == e.Metric);
        // A change of a share is in points (+1.10 pp, +1.10个百分点), as the overview writes it.
        string Points(double v) => metric is null ? v.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : CultureFormat.Change(metric, v, null, language);
        string Value(double? v) => metric is null ? (v is { } x && double.IsFinite(x) ? x.ToString("#,0.##", CultureInfo.InvariantCulture) : "–") : CultureFormat.Value(metric, v, language);
        var summary = words.Say("explain.summary", ("from", FindingFacts.Day(e.From)), ("to", FindingFacts.Day(e.To)),
            ("weeks", FindingFacts.Count(e.BaselineWeeks)), ("current", FindingFacts.Text(Value(e.Current))), ("baseline", FindingFacts.Text(Value(e.Baseline))));
        var causes = e.Causes.Select(c => (IReadOnlyList<string>)
        [
            words.Segment(SeriesKey.Format(c.Conjunction.ToDictionary(p => p.Key, p => (string?)p.Value))),
            (c.Share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%", Value(c.CurrentValue), Value(c.BaselineValue),
        ]).ToList();
        var within = e.Within.Take(MaxWithin).Select(w => (IReadOnlyList<string>)
        [
            words.Segment(w.Segment), Value(w.Value), Value(w.Expected), w.Score.ToString("0.00", CultureInfo.InvariantCulture),
        ]).ToList();
        string? mixRate = null;
        if (e.MixRate is { } split)
        {
            var dimension = catalog.Dimensions.FirstOrDefault(d => d.Id == split.Dimension)?.Name.In(language) ?? split.Dimension;
            mixRate = words.Say(Math.Abs(split.Mix) > Math.Abs(split.Rate) ? "explain.mix" : "explain.rate",
                ("dimension", FindingFacts.Text(dimension)), ("change", FindingFacts.Text(Points(split.Change))),
                ("mix", FindingFacts.Text(Points(split.Mix))), ("rate", FindingFacts.Text(Points(split.Rate))));
        }
        return new ExplanationText(summary,
            [words.Say("explain.cause"), words.Say("explain.share"), words.Say("explain.now"), words.Say("explain.before")], causes,
            [words.Say("explain.within"), words.Say("explain.now"), words.Say("explain.expected"), words.Say("explain.score")], within, mixRate);
    }
}
