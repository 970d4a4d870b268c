using ModScope.Monitor.Health;

namespace ModScope.Web.Api;

/// <summary>Data health: freshness per source and per site, the open data-check alerts in words, quarantined and waiting rows by reason with samples, the load history.</summary>
internal sealed record HealthAnswer(
    DateOnly AsOf,
    IReadOnlyList<SourceFreshness> Sources,
    IReadOnlyList<SiteRow> Sites,
    IReadOnlyList<ReasonRow> Quarantine,
    IReadOnlyList<LoadRow> Loads)
{
    /// <summary>The open data alerts (newest first), each in the request's language.</summary>
    public IReadOnlyList<DataCheckRow> Checks { get; init; } = [];

    /// <summary>Rows waiting for their decision or for a reference code, by table and rule, with samples (as <see cref="Quarantine"/>).</summary>
    public IReadOnlyList<ReasonRow> Pending { get; init; } = [];
}

/// <summary>An open data alert: its id, severity, check (<c>volume</c>), last day and what it found, in words.</summary>
internal sealed record DataCheckRow(long Id, string Severity, string Check, DateOnly Day, string DayText, string Message);

/// <summary>A source (its table, and its name in the request's language), its newest event and the last day whose data is complete.</summary>
internal sealed record SourceFreshness(string Source, string SourceName, DateTime? NewestEvent, string? NewestEventText, DateOnly? CompleteThrough, string? CompleteThroughText);

/// <summary>A site's newest decision, how far behind the newest decision of all sites it is, and its decisions that day.</summary>
internal sealed record SiteRow(string Site, DateTime NewestDecision, string NewestDecisionText, double HoursBehind, long DecisionsOnNewestDay);

/// <summary>One load, with its times formatted.</summary>
internal sealed record LoadRow(LoadRecord Load, string StartedText, double? Seconds);
