using Microsoft.AspNetCore.Mvc;

namespace ModScope.Web.Api.Plan;

/// <summary><c>/api/plan</c>'s query parameters: the Plan page's, and what the forecast is made per.</summary>
internal sealed class ForecastParameters : PlanParameters
{
    /// <summary>Forecast per market (default) or per queue.</summary>
    [FromQuery(Name = "by")] public string? By { get; init; }
}
