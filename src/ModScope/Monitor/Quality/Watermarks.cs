using ModScope.Ingest;

namespace ModScope.Monitor.Quality;

/// <summary>The newest event of each source up to the as-of day, and the last day whose data is complete.</summary>
internal static class Watermarks
{
    public static IReadOnlyDictionary<string, Watermark> Find(SqlRunner sql, DateOnly asOf, FreshnessSettings freshness)
    {
        var until = asOf.AddDays(1);
        var marks = new Dictionary<string, Watermark>(StringComparer.Ordinal);
        foreach (var source in QualitySource.All)
        {
            var (newest, newestDay) = sql.Rows(
                $"SELECT max({source.Instant}), max({source.Day}) FROM {source.Sql} WHERE {source.Time} < $until",
                r => r.IsDBNull(0) ? ((DateTime?)null, (DateOnly?)null) : (r.GetDateTime(0), r.GetFieldValue<DateOnly>(1)),
                ("until", until)).Single();
            var stillArriving = (int)Math.Ceiling(freshness.HoursFor(source.Name) / 24);
            marks[source.Name] = new Watermark(source.Name, newest, newestDay?.AddDays(-stillArriving));
        }
        return marks;
    }
}
