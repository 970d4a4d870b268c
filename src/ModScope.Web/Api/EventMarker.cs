namespace ModScope.Web.Api;

/// <summary>
/// A calendar event touching an alert's segment on days of its chart: its name in the page language, its dates and
/// effect window (UTC days), and the first and last chart labels it covers (where the chart marks it).
/// </summary>
internal sealed record EventMarker(
    string Id, string Name, DateOnly Start, DateOnly End, DateOnly EffectStart, DateOnly EffectEnd,
    string FromLabel, string ToLabel, bool DuringAlert);
