namespace ModScope.Planning;

/// <summary>
/// Forecasts of one metric per subject from the day after <see cref="LastDay"/>; <see cref="Skipped"/> names the subjects
/// whose history was too short to forecast (with the days they had), so none is dropped silently.
/// </summary>
public sealed record ForecastSet(string Metric, IReadOnlyList<string> By, DateOnly LastDay, IReadOnlyList<SubjectForecast> Series, IReadOnlyList<string> Skipped);
