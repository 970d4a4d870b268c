using ModScope.Catalog;
using ModScope.Common;
using ModScope.Monitor.Explanation;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Scan;
using ModScope.Query;
using ModScope.Reports.Document;
using ModScope.Reports.Story;

namespace ModScope.Reports;

/// <summary>
/// A report as the hosts ask for it (the <c>report</c> command, the dashboard's Reports page): check the scope, gather
/// the numbers, explain a regional report's alerts, refuse a period without decisions, compose in a language (rendering
/// to bytes is <c>ModScope.Rendering</c>'s <c>ReportRenderer</c>). Mistakes are <see cref="ReportRequestException"/>s naming the parameter at fault.
/// </summary>
public sealed class ReportService(MetricCatalog catalog, MetricQuery query, StoryRules? rules = null)
{
    private readonly StoryRules _rules = rules ?? StoryRules.Default;

    /// <summary>Draws the documents' charts; null composes them without.</summary>
    public IChartRenderer? Charts { get; init; }

    /// <summary>The store's reference data: the known regions and markets, and their names in the text.</summary>
    public ReferenceData Reference { get; init; } = ReferenceData.Empty;

    /// <summary>The event calendar movements are attributed to (<c>catalog/events.yaml</c>; none: no attribution).</summary>
    public Monitor.Calendar.EventCalendar Calendar { get; init; } = Monitor.Calendar.EventCalendar.Empty;

    public ReportBuilder Builder => new(catalog, query, _rules) { Charts = Charts, Reference = Reference, Calendar = Calendar };

    /// <summary>
    /// The scope of a request, checked against the store's <paramref name="reference"/> data: one place at most, a place for
    /// a regional report, a known region or market.
    /// </summary>
    public static ReportScope Scope(ReferenceData reference, ReportAudience audience, Period period, string? region = null, string? market = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (region is not null && market is not null)
        {
            throw new ReportRequestException("market", "Give a region or a market, not both.") { Reason = new(ProblemKind.NotAllowed, market, "market") };
        }
        if (audience == ReportAudience.Regional && region is null && market is null)
        {
            throw new ReportRequestException("region", "A regional report needs a region (e.g. SEA) or a market (e.g. ID).") { Reason = new(ProblemKind.Missing, Subject: "region", Accepted: reference.Regions) };
        }
        var markets = reference.Markets;
        if (market is not null && !markets.Any(m => string.Equals(m.Code, market, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ReportRequestException("market", $"Unknown market '{market}'; known markets: {string.Join(", ", markets.Select(m => m.Code).Distinct(StringComparer.Ordinal))}.")
            {
                Reason = ProblemReason.Unknown("market", market, markets.Select(m => m.Code).Distinct(StringComparer.Ordinal)),
            };
        }
        var regions = reference.Regions;
        if (region is not null && !regions.Contains(region, StringComparer.OrdinalIgnoreCase))
        {
            throw new ReportRequestException("region", $"Unknown region '{region}'; known regions: {string.Join(", ", regions)}.") { Reason = ProblemReason.Unknown("region", region, regions) };
        }
        // The region as the reference data spells it: the filter compares it exactly.
        var known = region is null ? null : regions.First(r => string.Equals(r, region, StringComparison.OrdinalIgnoreCase));
        return ReportScope.For(audience, period, known, market?.ToUpperInvariant());
    }

    /// <summary>The data's newest decision day when known: an empty period's error then says where the data ends.</summary>
    public DateOnly? DataEnd { get; init; }

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
        if (data.Set(ReportSets.Headline)?.Total(catalog.Roles.Volume)?.Value is not > 0)
        {
            var where = scope.Place is { } p ? $" for {scope.PlaceDimension} '{p}'" : "";
            var days = FormattableString.Invariant($"{scope.Period.Start:yyyy-MM-dd}..{scope.Period.End.AddDays(-1):yyyy-MM-dd}");
            throw new ReportRequestException("period",
                $"No decisions in {days}{where}; check the period{(where.Length > 0 ? $" and the {scope.PlaceDimension}" : "")} against the store's data" +
                (DataEnd is { } end ? FormattableString.Invariant($"; the data ends on {end:yyyy-MM-dd}.") : "."))
            {
                Reason = new(ProblemKind.OutOfRange, days, "decisions", DataEnd is { } last ? [FormattableString.Invariant($"{last:yyyy-MM-dd}")] : null),
            };
        }
        return scope.Audience == ReportAudience.Regional ? await ExplainAlertsAsync(data, alerts, cancellationToken).ConfigureAwait(false) : data;
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
        var explainer = new AlertExplainer(catalog, query, AlertExplainer.DrillOrder);
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
