using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>The newest event of each source up to the as-of day, and the last day whose data is complete.</summary>
internal static class Watermarks
{
    public static async Task<IReadOnlyDictionary<string, Watermark>> FindAsync(QualitySql sql, DateOnly asOf, FreshnessSettings freshness)
    {
        var until = asOf.AddDays(1);
        var marks = new Dictionary<string, Watermark>(StringComparer.Ordinal);
        foreach (var source in QualitySource.All)
        {
            // HAVING: no row when the source is empty (ClickHouse's max over no rows is the epoch, not NULL).
            var rows = await sql.RowsAsync(
                $"SELECT max({source.Time}) FROM {sql.Quote(source.Name)} WHERE {source.Time} < $until HAVING count(*) > 0",
                ("until", source.Bound(until))).ConfigureAwait(false);
            DateTime? newest = rows.Count == 0 || rows[0][0] is null ? null : source.IsDate ? AsTime(rows[0][0]).AddDays(1) : AsTime(rows[0][0]);
            DateOnly? newestDay = newest is null ? null : source.IsDate ? AsDay(rows[0][0]) : DateOnly.FromDateTime(newest.Value);
            marks[source.Name] = new Watermark(source.Name, newest, newestDay is { } day ? freshness.CompleteThrough(source.Name, day) : null);
        }
        return marks;
    }
}
