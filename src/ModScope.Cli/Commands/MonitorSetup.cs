using ModScope.Monitor.Calendar;
using ModScope.Monitor.Quality;
using ModScope.Query;

namespace ModScope.Cli.Commands;

/// <summary>The monitor's configuration files: ./catalog/events.yaml and ./catalog/monitors.yaml when present, else the shipped ones.</summary>
internal static class MonitorSetup
{
    /// <summary>The calendar, its markets checked against the data's reference data (the store's, or the ClickHouse cluster's).</summary>
    public static EventCalendar Calendar(IMetricEngine engine) => EventCalendar.LoadLocalOrDefault(engine.Reference.Markets);

    /// <summary>The calendar for the evaluation, which generates its data for the shipped reference data.</summary>
    public static EventCalendar EvaluationCalendar() => EventCalendar.LoadLocalOrDefault(Model.ReferenceData.Shipped.Markets);

    public static QualitySettings Quality() =>
        File.Exists(QualitySettingsLoader.DefaultFile) ? QualitySettingsLoader.Load(QualitySettingsLoader.DefaultFile) : QualitySettingsLoader.LoadDefault();

    /// <summary><c>60d</c> or <c>60</c> → 60 days; anything else is a usage error.</summary>
    public static int Days(string text)
    {
        var digits = text.EndsWith('d') ? text[..^1] : text;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3660
            ? days
            : throw new UsageException($"--backfill '{text}' is not a number of days such as 60d.");
    }

    /// <summary>The newest decision day of the data behind <paramref name="engine"/> (store or ClickHouse), today when there is none.</summary>
    public static async Task<DateOnly> LatestDecisionDayAsync(IMetricEngine engine, CancellationToken cancellationToken) =>
        await EngineWatermarks.LatestDecisionDayAsync(engine, cancellationToken).ConfigureAwait(false) ?? DateOnly.FromDateTime(DateTime.UtcNow);
}
