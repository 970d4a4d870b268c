using ModScope.Monitor.Calendar;
using ModScope.Monitor.Quality;
using ModScope.Query;

namespace ModScope.Cli.Commands;

/// <summary>The monitor's configuration files: ./catalog/events.yaml and ./catalog/monitors.yaml when present, else the shipped ones.</summary>
internal static class MonitorSetup
{
    public static EventCalendar Calendar() => EventCalendar.LoadLocalOrDefault();

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

    /// <summary>The newest decision day in the store, the default "as of" for a store that stopped receiving data.</summary>
    public static DateOnly LatestDecisionDay(ModScope.Store.ModScopeStore store)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(decided_at)::DATE FROM decisions";
        return command.ExecuteScalar() is DateTime latest ? DateOnly.FromDateTime(latest) : DateOnly.FromDateTime(DateTime.UtcNow);
    }

    /// <summary>The newest decision day read through <paramref name="engine"/> (ClickHouse), today when there is none.</summary>
    public static async Task<DateOnly> LatestDecisionDayAsync(IMetricEngine engine, CancellationToken cancellationToken) =>
        await EngineWatermarks.NewestDecisionAsync(engine, null, cancellationToken).ConfigureAwait(false) is { } latest
            ? DateOnly.FromDateTime(latest)
            : DateOnly.FromDateTime(DateTime.UtcNow);
}
