using Microsoft.AspNetCore.Mvc;

namespace ModScope.Web.Api;

/// <summary>A metric request as query parameters, the same words as <c>modscope query</c>.</summary>
internal sealed class QueryParameters
{
    /// <summary>Metric ids (repeat or comma-separate).</summary>
    [FromQuery(Name = "metric")] public string[]? Metric { get; init; }

    /// <summary>Dimensions to slice by (repeat or comma-separate).</summary>
    [FromQuery(Name = "by")] public string[]? By { get; init; }

    /// <summary>none, hour, day, week, month or quarter.</summary>
    [FromQuery(Name = "grain")] public string? Grain { get; init; }

    /// <summary>A period as the CLI takes it: 2026-W46, 2026-11-01..2026-11-15, 'last 8 weeks', 'last full week'.</summary>
    [FromQuery(Name = "period")] public string? Period { get; init; }

    /// <summary>previous, last-year, last-week or none.</summary>
    [FromQuery(Name = "compare")] public string? Compare { get; init; }

    /// <summary>Filters: market=US, market=US,GB, market!=US (repeatable).</summary>
    [FromQuery(Name = "filter")] public string[]? Filter { get; init; }

    /// <summary>IANA time zone of the period and buckets (default UTC).</summary>
    [FromQuery(Name = "tz")] public string? Tz { get; init; }

    /// <summary>Evaluate relative periods as of this day (default: the day after the newest decision).</summary>
    [FromQuery(Name = "asOf")] public string? AsOf { get; init; }

    /// <summary>en or zh-Hans: names and formatted values.</summary>
    [FromQuery(Name = "lang")] public string? Lang { get; init; }
}
