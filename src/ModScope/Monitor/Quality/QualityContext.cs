using ModScope.Monitor.Calendar;
using ModScope.Store;

namespace ModScope.Monitor.Quality;

/// <summary>What every check works from: the data, the as-of day, the settings, the calendar, the watermarks and the load history.</summary>
/// <param name="Sql">Statements on the engine holding the data, cancelled with the run.</param>
/// <param name="AsOf">The last day judged; events after its end (UTC) are ignored.</param>
/// <param name="Settings">Thresholds.</param>
/// <param name="Calendar">Known peaks: a volume move explained by one is not reported.</param>
/// <param name="Watermarks">Per source, including sources without rows.</param>
/// <param name="Files">The files loaded in the judged days (<see cref="WindowStart"/> up to the end of the as-of day).</param>
/// <param name="Store">The DuckDB store when it holds the data (the duplicate check keeps its state there); null on ClickHouse.</param>
internal sealed record QualityContext(
    QualitySql Sql,
    DateOnly AsOf,
    QualitySettings Settings,
    EventCalendar Calendar,
    IReadOnlyDictionary<string, Watermark> Watermarks,
    IReadOnlyList<LoadedFile> Files,
    ModScopeStore? Store = null)
{
    /// <summary>The day after the as-of day: every event considered happened before it.</summary>
    public DateOnly Until => AsOf.AddDays(1);

    /// <summary>The first of the <see cref="QualitySettings.Days"/> days judged.</summary>
    public DateOnly WindowStart => AsOf.AddDays(1 - Settings.Days);

    /// <summary>Sources with at least one event up to the as-of day (an unused table is not judged).</summary>
    public IEnumerable<QualitySource> Sources => QualitySource.All.Where(s => Watermarks[s.Name].NewestEvent is not null);
}
