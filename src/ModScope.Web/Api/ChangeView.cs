namespace ModScope.Web.Api;

/// <summary>
/// One movement of the overview's "what changed" line: the metric, its segment (<see cref="Dimension"/> =
/// <see cref="Value"/>; both null for the page's total) so the page can link it to the explorer, and its sentence.
/// </summary>
internal sealed record ChangeView(string Metric, string? Dimension, string? Value, string Text);
