using ModScope.Catalog;
using ModScope.Monitor.Alerts;
using ModScope.Query;
using ModScope.Reports.Rendering;
using ModScope.Reports.Story;
using ModScope.Reports.Text;

namespace ModScope.Reports;

/// <summary>
/// A report end to end: gather the numbers through metric requests, choose the storyline for the audience, compose it
/// in a language (with charts), write it as HTML, Markdown, PDF or XLSX.
/// </summary>
public sealed class ReportBuilder(MetricCatalog catalog, MetricQuery query, StoryRules? rules = null)
{
    private readonly StoryRules _rules = rules ?? StoryRules.Default;

    public Task<ReportData> LoadAsync(ReportScope scope, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default) =>
        new ReportDataLoader(catalog, query, _rules).LoadAsync(scope, alerts, cancellationToken);

    /// <summary>The storyline for the data's audience, composed in <paramref name="language"/> (en or zh-Hans).</summary>
    public ReportDocument Compose(ReportData data, string language, bool charts = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        var story = StorylineBuilder.Build(data, _rules);
        return new ReportComposer(data, ReportText.For(language)) { Charts = charts ? new ChartRenderer() : null, Rules = _rules }.Compose(story);
    }

    /// <summary>Writes the document; the folder of <paramref name="path"/> is created when missing.</summary>
    public static async Task WriteAsync(ReportDocument document, ReportFormat format, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        await File.WriteAllBytesAsync(path, await ReportService.RenderAsync(document, format, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }
}
