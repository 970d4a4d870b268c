namespace ModScope.Web.Api;

/// <summary>An alert's daily series with its expected band, and the calendar events the monitor expected on those days.</summary>
internal sealed record AlertChart(IReadOnlyList<BandPoint> Series, IReadOnlyList<EventMarker> Events)
{
    public static AlertChart Empty { get; } = new([], []);
}
