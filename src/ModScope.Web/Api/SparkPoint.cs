namespace ModScope.Web.Api;

/// <summary>One week of a sparkline.</summary>
internal sealed record SparkPoint(DateTime Week, string Label, double? Value);
