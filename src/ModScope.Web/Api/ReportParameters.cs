using Microsoft.AspNetCore.Mvc;

namespace ModScope.Web.Api;

/// <summary>A business-review report as query parameters, the same words as <c>modscope report</c>.</summary>
internal sealed class ReportParameters
{
    /// <summary>2026-W46 (ISO week), 2026-11 (month), last-week (default), last-month, or any query period.</summary>
    [FromQuery(Name = "period")] public string? Period { get; init; }

    /// <summary>exec (default), regional (with region or market) or quality.</summary>
    [FromQuery(Name = "audience")] public string? Audience { get; init; }

    /// <summary>A region (SEA, UK, EU, US, LATAM, MENA, JP) to narrow the report to.</summary>
    [FromQuery(Name = "region")] public string? Region { get; init; }

    /// <summary>A market (ISO code, e.g. ID) to narrow the report to.</summary>
    [FromQuery(Name = "market")] public string? Market { get; init; }

    /// <summary>en (default) or zh-Hans: the language of the report.</summary>
    [FromQuery(Name = "lang")] public string? Lang { get; init; }

    /// <summary>html (default), md, xlsx or pdf (pdf needs Debian's chromium).</summary>
    [FromQuery(Name = "format")] public string? Format { get; init; }

    /// <summary>IANA time zone of the period (default UTC).</summary>
    [FromQuery(Name = "tz")] public string? Tz { get; init; }

    /// <summary>Evaluate relative periods as of this day (default: the day after the newest decision).</summary>
    [FromQuery(Name = "asOf")] public string? AsOf { get; init; }
}
