namespace ModScope.Monitor.Detection;

/// <summary>
/// One observation. <see cref="Value"/> may be NaN (missing: scored 0, not used as history).
/// <see cref="SampleSize"/> is the number of trials behind a proportion (effective size for a weighted one);
/// <see cref="KnownEvent"/> marks a day a calendar expects to be unusual (a sales peak), which widens the band
/// and keeps the point out of the baseline. <see cref="StandardError"/> is the sampling standard error of a level
/// value estimated from a sample (a day's 90th percentile of turnaround, from its order statistics): a change it can
/// explain does not alert.
/// </summary>
public readonly record struct SeriesPoint(DateTime Time, double Value, double? SampleSize = null, bool KnownEvent = false, double? StandardError = null);
