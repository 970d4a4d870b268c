using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Calendar;

namespace ModScope.Reports;

/// <summary>Everything a storyline is chosen from: plain metric results with their requests, the catalogue's definitions and alerts.</summary>
public sealed record ReportData(ReportScope Scope, MetricCatalog Catalog, IReadOnlyList<ResultSet> Sets, IReadOnlyList<Alert> Alerts)
{
    /// <summary>The store's reference data, for the names of markets, policies and queues (none: codes are shown).</summary>
    public ReferenceData Reference { get; init; } = ReferenceData.Empty;

    /// <summary>The known events (<c>catalog/events.yaml</c>, read as the monitor reads it); a movement during one is attributed to it.</summary>
    public EventCalendar Calendar { get; init; } = EventCalendar.Empty;

    /// <summary>
    /// The sized opportunities in scope (<see cref="ReportOpportunities"/>), worth the most money a week first; null when the
    /// report does not size them (quality) or the data in scope cannot be planned (<see cref="OpportunitiesMissing"/> says why).
    /// </summary>
    public IReadOnlyList<Planning.Opportunities.Opportunity>? Opportunities { get; init; }

    /// <summary>Why the opportunities could not be sized (the planning library's message), or null.</summary>
    public string? OpportunitiesMissing { get; init; }

    /// <summary>The set with this name, or null when the report did not gather it.</summary>
    public ResultSet? Set(string id) => Sets.FirstOrDefault(s => s.Id == id);

    /// <summary>The set with this name, or an empty one.</summary>
    public IEnumerable<Query.MetricResult> Rows(string id) => Set(id)?.Rows ?? [];
}
