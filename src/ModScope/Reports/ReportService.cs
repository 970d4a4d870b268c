using ModScope.Catalog;
using ModScope.Monitor.Explanation;
using ModScope.Model;
using ModScope.Monitor;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Scan;
using ModScope.Query;
using ModScope.Reports.Rendering;
using ModScope.Reports.Story;

namespace ModScope.Reports;

/// <summary>
/// A report as the hosts ask for it (the <c>report</c> command, the dashboard's Reports page): check the scope, gather
/// the numbers, explain a regional report's alerts, refuse a period without decisions, compose in a language and
/// render to bytes. Mistakes are <see cref="ReportRequestException"/>s naming the parameter at fault.
/// </summary>
public sealed class ReportService(MetricCatalog catalog, MetricQuery query, StoryRules? rules = null)
{
    private readonly StoryRules _rules = rules ?? StoryRules.Default;

    public ReportBuilder Builder => new(catalog, query, _rules);

    /// <summary>The scope of a request, checked: one place at most, a place for a regional report, a known region or market.</summary>
    public static ReportScope Scope(ReportAudience audience, Period period, string? region = null, string? market = null)
    {
        if (region is not null && market is not null)
        {
            throw new ReportRequestException("market", "Give a region or a market, not both.");
        }
        if (audience == ReportAudience.Regional && region is null && market is null)
        {
            throw new ReportRequestException("region", "A regional report needs a region (e.g. SEA) or a market (e.g. ID).");
        }
        var markets = ReferenceData.Default.Markets;
        if (market is not null && !markets.Any(m => string.Equals(m.Code, market, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ReportRequestException("market", $"Unknown market '{market}'; known markets: {string.Join(", ", markets.Select(m => m.Code))}.");
        }
        var regions = markets.Select(m => m.Region).Distinct(StringComparer.Ordinal).ToList();
        if (region is not null && !regions.Contains(region, StringComparer.OrdinalIgnoreCase))
        {
            throw new ReportRequestException("region", $"Unknown region '{region}'; known regions: {string.Join(", ", regions)}.");
        }
        return ReportScope.For(audience, period, region, market?.ToUpperInvariant());
    }

    /// <summary>
    /// The numbers of <paramref name="scope"/> with the store's <paramref name="alerts"/>. A regional report shows its alerts
    /// with their root causes: the monitor explains only its largest alerts, so the ones the report lists without an
    /// explanation are explained now, for this report only (a report reads; it never writes the monitor's state).
    /// </summary>
    public async Task<ReportData> LoadAsync(ReportScope scope, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(alerts);
        var data = await Builder.LoadAsync(scope, alerts, cancellationToken).ConfigureAwait(false);
        if (data.Set(ReportSets.Headline)?.Total("decision_volume")?.Value is not > 0)
        {
            var where = scope.Place is { } p ? $" for {scope.PlaceDimension} '{p}'" : "";
            throw new ReportRequestException("period",
                $"No decisions in {scope.Period.Start:yyyy-MM-dd}..{scope.Period.End.AddDays(-1):yyyy-MM-dd}{where}; check the period{(where.Length > 0 ? $" and the {scope.PlaceDimension}" : "")} against the store's data.");
        }
        return scope.Audience == ReportAudience.Regional ? await ExplainAlertsAsync(data, alerts, cancellationToken).ConfigureAwait(false) : data;
    }

    /// <summary>The report of <paramref name="scope"/> in <paramref name="language"/>, rendered as <paramref name="format"/>.</summary>
    public async Task<ReportFile> BuildAsync(ReportScope scope, string language, ReportFormat format, IReadOnlyList<Alert> alerts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (format == ReportFormat.Pdf)
        {
            _ = PdfRenderer.Chromium(); // fail before the work when no browser is installed
        }
        var data = await LoadAsync(scope, alerts, cancellationToken).ConfigureAwait(false);
        var document = Builder.Compose(data, language);
        return new ReportFile(await RenderAsync(document, format, cancellationToken).ConfigureAwait(false), ReportFile.ContentTypeOf(format), FileName(scope, language, format));
    }

    /// <summary>The document's bytes in <paramref name="format"/> (HTML and Markdown as UTF-8).</summary>
    public static async Task<byte[]> RenderAsync(ReportDocument document, ReportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        switch (format)
        {
            case ReportFormat.Html:
                return System.Text.Encoding.UTF8.GetBytes(HtmlRenderer.Render(document));
            case ReportFormat.Md:
                return System.Text.Encoding.UTF8.GetBytes(MarkdownRenderer.Render(document));
            case ReportFormat.Xlsx:
                using (var stream = new MemoryStream())
                {
                    XlsxRenderer.Write(document, stream);
                    return stream.ToArray();
                }
            default:
                return await PdfRenderer.RenderAsync(HtmlRenderer.Render(document), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A download name that says what the report covers: <c>modscope-regional-SEA-2026-11-09_2026-11-15-en.html</c>.</summary>
    public static string FileName(ReportScope scope, string language, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var place = scope.Place is { } p ? $"-{p}" : "";
        return FormattableString.Invariant(
            $"modscope-{scope.Audience.ToString().ToLowerInvariant()}{place}-{scope.Period.Start:yyyy-MM-dd}_{scope.Period.End.AddDays(-1):yyyy-MM-dd}-{language}.{ReportFile.ExtensionOf(format)}");
    }

    private async Task<ReportData> ExplainAlertsAsync(ReportData data, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        var missing = AlertFacts.InScope(data, _rules).Take(_rules.MaxAlerts).Where(a => a.Finding.Explanation is null).ToList();
        if (missing.Count == 0)
        {
            return data;
        }
        var explainer = new AlertExplainer(catalog, query, MonitorRunner.DrillDimensions);
        var explained = new Dictionary<long, string>();
        var held = alerts.Where(a => a.SuppressedBy is not null).ToLookup(a => a.SuppressedBy!.Value, a => a.Finding);
        foreach (var alert in missing)
        {
            var explanation = await explainer.ExplainAsync(alert.Finding, held[alert.Id], cancellationToken).ConfigureAwait(false);
            explained[alert.Id] = explanation.ToJson();
        }
        return data with
        {
            Alerts = data.Alerts.Select(a => explained.TryGetValue(a.Id, out var json) ? a with { Finding = a.Finding with { Explanation = json } } : a).ToList(),
        };
    }
}
