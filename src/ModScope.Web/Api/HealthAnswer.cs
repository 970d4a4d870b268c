using ModScope.Monitor.Health;

namespace ModScope.Web.Api;

/// <summary>Data health: freshness per source and per site, quarantined rows by reason with samples, the load history.</summary>
internal sealed record HealthAnswer(
    DateOnly AsOf,
    IReadOnlyList<SourceFreshness> Sources,
    IReadOnlyList<SiteRow> Sites,
    IReadOnlyList<QuarantineReason> Quarantine,
    IReadOnlyList<LoadRow> Loads);

/// <summary>A source's newest event and the last day whose data is complete.</summary>
internal sealed record SourceFreshness(string Source, DateTime? NewestEvent, string? NewestEventText, DateOnly? CompleteThrough, string? CompleteThroughText);

/// <summary>A site's newest decision, how far behind the newest decision of all sites it is, and its decisions that day.</summary>
internal sealed record SiteRow(string Site, DateTime NewestDecision, string NewestDecisionText, double HoursBehind, long DecisionsOnNewestDay);

/// <summary>One load, with its times formatted.</summary>
internal sealed record LoadRow(LoadRecord Load, string StartedText, double? Seconds);
