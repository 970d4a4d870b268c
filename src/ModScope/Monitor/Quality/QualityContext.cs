using ModScope.Ingest;
using ModScope.Monitor.Calendar;

namespace ModScope.Monitor.Quality;

/// <summary>What every check works from: the store connection, the as-of day, the settings, the calendar and the watermarks.</summary>
/// <param name="Sql">Statements on one connection, cancelled with the run.</param>
/// <param name="AsOf">The last day judged; events after its end (UTC) are ignored.</param>
/// <param name="Settings">Thresholds.</param>
/// <param name="Calendar">Known peaks: a volume move explained by one is not reported.</param>
/// <param name="Watermarks">Per source, including sources without rows.</param>
internal sealed record QualityContext(
    SqlRunner Sql,
    DateOnly AsOf,
    QualitySettings Settings,
    EventCalendar Calendar,
    IReadOnlyDictionary<string, Watermark> Watermarks)
{
    /// <summary>The day after the as-of day: every event considered happened before it.</summary>
    public DateOnly Until => AsOf.AddDays(1);

    /// <summary>The first of the <see cref="QualitySettings.Days"/> days judged.</summary>
    public DateOnly WindowStart => AsOf.AddDays(1 - Settings.Days);

    /// <summary>Sources with at least one event up to the as-of day (an unused table is not judged).</summary>
    public IEnumerable<QualitySource> Sources => QualitySource.All.Where(s => Watermarks[s.Name].NewestEvent is not null);
}
