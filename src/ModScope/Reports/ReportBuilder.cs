using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Calendar;
using ModScope.Query;
using ModScope.Reports.Document;
using ModScope.Reports.Story;
using ModScope.Reports.Text;

namespace ModScope.Reports;

/// <summary>
/// A report up to its document: gather the numbers through metric requests, choose the storyline for the audience, compose
/// it in a language (with charts when <see cref="Charts"/> draws them). Writing it as HTML, Markdown, PDF or XLSX is
/// <c>ModScope.Rendering</c>'s job (<c>ReportRenderer</c>).
/// </summary>
public sealed class ReportBuilder(MetricCatalog catalog, MetricQuery query, StoryRules? rules = null)
{
    private readonly StoryRules _rules = rules ?? StoryRules.Default;

    /// <summary>Draws the trend charts; null composes documents without them.</summary>
    public IChartRenderer? Charts { get; init; }

    /// <summary>The store's reference data: the names of markets, policies and queues in the text.</summary>
    public ReferenceData Reference { get; init; } = ReferenceData.Empty;

    /// <summary>The event calendar the storyline attributes movements to (none: no movement is attributed).</summary>
    public EventCalendar Calendar { get; init; } = EventCalendar.Empty;

    /// <summary>
    /// The numbers of <paramref name="scope"/>. The data's catalogue carries the scope's targets (a market's report is
    /// judged against that market's targets, as in force on the period's last day: <see cref="SegmentTargets"/>).
    /// </summary>
    public async Task<ReportData> LoadAsync(ReportScope scope, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var data = await new ReportDataLoader(catalog, query, _rules).LoadAsync(scope, alerts, cancellationToken).ConfigureAwait(false);
        var lastDay = DateOnly.FromDateTime(scope.Period.End.AddDays(-1));
        data = data with { Reference = Reference, Calendar = Calendar, Catalog = SegmentTargets.Apply(data.Catalog, scope.Filters, lastDay, Reference) };
        return await ReportOpportunities.AddAsync(data, query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The storyline for the data's audience, composed in <paramref name="language"/> (en or zh-Hans).</summary>
    public ReportDocument Compose(ReportData data, string language, bool charts = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var story = StorylineBuilder.Build(data, _rules);
        return new ReportComposer(data, ReportText.For(language)) { Charts = charts ? Charts : null, Rules = _rules }.Compose(story);
    }
}
