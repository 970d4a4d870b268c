namespace ModScope.Web.Api;

/// <summary>One day of an alert's series: the value and the band the detector expected it in.</summary>
internal sealed record BandPoint(DateTime Day, string Label, double? Value, double? Expected, double? Lower, double? Upper, bool InAlert);
