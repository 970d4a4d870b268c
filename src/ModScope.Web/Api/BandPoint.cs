namespace ModScope.Web.Api;

/// <summary>One UTC day of an alert's series: the value, the band the detector expected it in, and whether a calendar event touched it (a widened band).</summary>
internal sealed record BandPoint(DateTime Day, string Label, double? Value, double? Expected, double? Lower, double? Upper, bool InAlert, bool KnownEvent);
