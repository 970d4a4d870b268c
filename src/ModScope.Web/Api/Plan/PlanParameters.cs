using Microsoft.AspNetCore.Mvc;

namespace ModScope.Web.Api.Plan;

/// <summary>The Plan page's query parameters, the same words as <c>modscope opportunities</c> (and <see cref="ForecastParameters"/> for <c>/api/plan</c>).</summary>
internal class PlanParameters
{
    /// <summary>Days or weeks ahead: 8w (default), 28d, 14; 1 to 56 days.</summary>
    [FromQuery(Name = "horizon")] public string? Horizon { get; init; }

    /// <summary>Filters as in the explorer: market=ID, region=SEA, site=KUL-ALPHA (repeatable).</summary>
    [FromQuery(Name = "filter")] public string[]? Filter { get; init; }

    /// <summary>Plan from the last day with data on or before this day (yyyy-MM-dd; default: the data's newest day).</summary>
    [FromQuery(Name = "asOf")] public string? AsOf { get; init; }

    /// <summary>en (default) or zh-Hans.</summary>
    [FromQuery(Name = "lang")] public string? Lang { get; init; }
}
