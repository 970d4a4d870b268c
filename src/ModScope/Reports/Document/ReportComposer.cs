using System.Globalization;
using ModScope.Model;
using ModScope.Query;
using ModScope.Reports.Story;
using ModScope.Reports.Text;

namespace ModScope.Reports.Document;

/// <summary>
/// Composes a storyline in one language: each fact's template filled with its formatted arguments, tables with their
/// headers (metric and dimension names from the catalogue), the charts, and the appendix of every source cited.
/// </summary>
public sealed class ReportComposer(ReportData data, ReportText text)
{
    private readonly ReportFormatter _format = new(text, data.Catalog, data.Scope, data.Reference) { Calendar = data.Calendar };
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);

    /// <summary>When the report was prepared (shown in the subtitle).</summary>
    public DateOnly Prepared { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The rules the storyline was chosen with (for the trailing window sizes shown in titles).</summary>
    public StoryRules Rules { get; init; } = StoryRules.Default;

    /// <summary>Draws the charts; null leaves the report without them.</summary>
    public IChartRenderer? Charts { get; init; }

    public ReportDocument Compose(Storyline story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var scope = story.Scope;
        var place = scope.Market is { } market ? PlaceNames.Name(data.Reference, "market", market, text.Language)
            : scope.Region is { } region ? PlaceNames.Name(data.Reference, "region", region, text.Language) : text["place.global"];
        var title = text.Fill($"title.{scope.Audience}", new Dictionary<string, string> { ["place"] = place });
        var subtitle = text.Fill("subtitle", new Dictionary<string, string>
        {
            ["period"] = _format.PeriodLabel(scope.Period), ["prior"] = _format.PeriodLabel(scope.Prior), ["generated"] = _format.Date(Prepared),
        });
        var sections = story.Sections.Select(Section).ToList();
        DocCharts? charts = null;
        if (Charts is not null && story.Charts.Count > 0)
        {
            var rules = Rules;
            charts = new DocCharts(
                text.Fill("section.Trends", new Dictionary<string, string>
                {
                    ["weeks"] = rules.TrailingWeeks.ToString(text.Culture), ["months"] = rules.TrailingMonths.ToString(text.Culture),
                }),
                story.Charts.Select(c => new DocChart(c.Metric, Sentence(FactArg.Name(c.Metric)), Charts.Render(c, _format, text), c.Sources.Select(Ref).ToList(),
                    [.. c.Weekly.Select(p => new DocPoint("week", p.Bucket, p.Value)), .. c.Monthly.Select(p => new DocPoint("month", p.Bucket, p.Value))])
                { Percent = IsRate(c.Metric) }).ToList());
        }
        return new ReportDocument(text.Language, title, subtitle, sections, charts, Appendix())
        {
            Labels = text.Keys.Where(k => k.StartsWith("xlsx.", StringComparison.Ordinal)).ToDictionary(k => k, k => text[k], StringComparer.Ordinal),
        };
    }

    /// <summary>The sentence a fact becomes in this language.</summary>
    public string Sentence(Fact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return text.Fill(text.Has(fact.Key) || fact.Fallback is null ? fact.Key : fact.Fallback, fact.Args.ToDictionary(a => a.Key, a => _format.Format(a.Value), StringComparer.Ordinal));
    }

    private string Sentence(FactArg arg) => _format.Format(arg);

    private DocSection Section(StorySection section) => new(
        section.Kind.ToString(),
        text[$"section.{section.Kind}"],
        section.Facts.Select(f => new DocParagraph(Sentence(f), f.Sources.Select(Ref).Distinct().ToList(),
            f.Args.Where(a => Raw(a.Value) is not null).Select(a => KeyValuePair.Create(a.Key, Raw(a.Value)!.Value)).ToList())
        {
            Percent = f.Args.Where(a => Rate(a.Value)).Select(a => a.Key).ToHashSet(StringComparer.Ordinal),
        }).ToList(),
        section.Tables.Select(Table).ToList());

    private DocTable Table(FactTable table) => new(
        text[table.Title],
        table.Columns.Select(Header).ToList(),
        table.Rows.Select(r => (IReadOnlyList<DocCell>)r.Select(c => new DocCell(_format.Format(c), Raw(c), Rate(c))).ToList()).ToList(),
        Ref(table.Source));

    /// <summary>Column headers: a metric or dimension id names the catalogue's text; anything else is a text key.</summary>
    private string Header(string key)
    {
        var id = key.StartsWith("col.", StringComparison.Ordinal) ? key[4..] : key;
        if (data.Catalog.Metrics.FirstOrDefault(m => m.Id == id) is { } metric)
        {
            return metric.Name.In(text.Language);
        }
        return data.Catalog.Dimensions.FirstOrDefault(d => d.Id == id) is { } dimension ? dimension.Name.In(text.Language) : text[key];
    }

    private static double? Raw(FactArg cell) => cell.Kind is ArgKind.Value or ArgKind.Change or ArgKind.Magnitude or ArgKind.Count or ArgKind.Share or ArgKind.Estimate
        ? cell.Number : null;

    /// <summary>
    /// A raw number that is a rate: a share, or a value of a percent metric. A change of a percent metric is not: it is in
    /// percentage points, which a spreadsheet's percent format would show as a percentage.
    /// </summary>
    private bool Rate(FactArg cell) => Raw(cell) is not null
        && (cell.Kind == ArgKind.Share || (cell.Kind is ArgKind.Value or ArgKind.Estimate && cell.Metric is { } m && IsRate(m)));

    private bool IsRate(string metric) => data.Catalog.Metric(metric).Format == Catalog.ValueFormat.Percent;

    /// <summary>R1, R2, … for result sets in the order first cited; A{id} for monitor alerts.</summary>
    private string Ref(string source)
    {
        if (!_refs.TryGetValue(source, out var reference))
        {
            reference = source.StartsWith("alert:", StringComparison.Ordinal)
                ? "A" + source["alert:".Length..]
                : source.StartsWith(OpportunityFacts.SourcePrefix, StringComparison.Ordinal)
                ? "O" + (_refs.Values.Count(v => v.StartsWith('O')) + 1).ToString(CultureInfo.InvariantCulture)
                : "R" + (_refs.Values.Count(v => v.StartsWith('R')) + 1).ToString(CultureInfo.InvariantCulture);
            _refs[source] = reference;
        }
        return reference;
    }

    private DocAppendix Appendix()
    {
        var sources = new List<DocSource>();
        foreach (var (source, reference) in _refs)
        {
            if (source.StartsWith("alert:", StringComparison.Ordinal))
            {
                var id = source["alert:".Length..];
                sources.Add(new DocSource(reference, text.Fill("appendix.alert", new Dictionary<string, string> { ["id"] = id }),
                    $"modscope explain --alert {id}", null));
                continue;
            }
            if (source.StartsWith(OpportunityFacts.SourcePrefix, StringComparison.Ordinal)
                && data.Opportunities?[int.Parse(source[OpportunityFacts.SourcePrefix.Length..], CultureInfo.InvariantCulture)] is { } opportunity)
            {
                sources.Add(new DocSource(reference, text["appendix.opportunity"], string.Join(" ; ", opportunity.Queries), null));
                continue;
            }
            if (data.Set(source) is { } set)
            {
                sources.Add(new DocSource(reference, Describe(set.Id), Command(set.Request), set.Sql));
            }
        }
        return new DocAppendix(text["appendix.title"], text["appendix.intro"], sources);
    }

    /// <summary>What a result set holds, in words: "source.{name}", or "source.{kind}" with the dimension for sliced sets.</summary>
    private string Describe(string id)
    {
        foreach (var kind in new[] { "weekly_by_", "agreement_by_", "by_" })
        {
            if (id.StartsWith(kind, StringComparison.Ordinal))
            {
                var dimension = id[kind.Length..];
                var name = data.Catalog.Dimensions.FirstOrDefault(d => d.Id == dimension)?.Name.In(text.Language) ?? dimension;
                return text.Fill($"source.{kind.TrimEnd('_')}", new Dictionary<string, string> { ["dimension"] = name });
            }
        }
        return text.Has($"source.{id}") ? text[$"source.{id}"] : id;
    }

    /// <summary>The <c>modscope query</c> command that reproduces a request.</summary>
    public static string Command(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = new List<string> { "modscope query", $"--metric {string.Join(',', request.Metrics)}" };
        if (request.Dimensions.Count > 0)
        {
            parts.Add($"--by {string.Join(',', request.Dimensions)}");
        }
        if (request.Grain != TimeGrain.None)
        {
            parts.Add($"--grain {request.Grain.ToString().ToLowerInvariant()}");
        }
        var p = request.Period;
        parts.Add(FormattableString.Invariant($"--period {p.Start:yyyy-MM-dd}..{p.End.AddDays(-1):yyyy-MM-dd} --tz {p.TimeZone}"));
        if (request.Comparison == Comparison.PreviousPeriod)
        {
            parts.Add("--compare previous");
        }
        parts.AddRange(request.Filters.Select(f => $"--filter {f.Dimension}{(f.Operator == FilterOperator.NotIn ? "!=" : "=")}{string.Join(',', f.Values)}"));
        return string.Join(' ', parts);
    }
}
