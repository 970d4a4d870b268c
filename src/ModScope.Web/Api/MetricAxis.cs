namespace ModScope.Web.Api;

/// <summary>
/// How the explorer draws a metric: its name, and the unit its value axis is titled with in the page's language ("%"
/// for a metric shown in percent, whose values the chart multiplies by 100; else the catalogue's unit in words, e.g.
/// "decisions" / "决策数"). Metrics with the same unit share an axis.
/// </summary>
internal sealed record MetricAxis(string Id, string Name, string Unit, bool Percent);
