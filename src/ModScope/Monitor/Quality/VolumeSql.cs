namespace ModScope.Monitor.Quality;

/// <summary>
/// The seasonal volume query (shared DOMAIN.md 1.10): rows per segment and day, missing days counted as zero from the
/// segment's first day on; each judged day against the same weekday of the trailing weeks, as a robust z-score of
/// ln(count + 1) with the median as centre and 1.4826 × MAD as spread (floored). Returns only the days beyond both limits.
/// </summary>
internal static class VolumeSql
{
    /// <param name="source">The event table.</param>
    /// <param name="segment">SQL naming the segment of a row (a column, or a constant for the whole source).</param>
    /// <param name="where">Extra row filter (<c>AND ...</c>), or empty.</param>
    public static string Build(QualitySource source, string segment, string where) => $"""
        WITH daily AS (
            SELECT {segment} AS segment, {source.Day} AS day, count(*) AS n
            FROM {source.Sql}
            WHERE {source.Between()} {where}
            GROUP BY ALL),
        segments AS (SELECT segment, min(day) AS first_day FROM daily GROUP BY segment),
        days AS (SELECT CAST(d AS DATE) AS day FROM range(CAST($from AS TIMESTAMP), CAST($until AS TIMESTAMP), INTERVAL 1 DAY) t(d)),
        grid AS (
            SELECT s.segment, days.day, coalesce(x.n, 0) AS n
            FROM segments s JOIN days ON days.day >= s.first_day
            LEFT JOIN daily x ON x.segment = s.segment AND x.day = days.day),
        judged AS (
            SELECT g.segment, g.day, any_value(g.n) AS n, count(*) AS weeks,
                   median(ln(b.n + 1)) AS centre, mad(ln(b.n + 1)) AS mad
            FROM grid g JOIN grid b ON b.segment = g.segment
                AND date_diff('day', b.day, g.day) BETWEEN 7 AND 7 * $weeks
                AND date_diff('day', b.day, g.day) % 7 = 0
            WHERE g.day >= $check_from
            GROUP BY g.segment, g.day),
        scored AS (
            SELECT segment, day, n, exp(centre) - 1 AS expected,
                   (ln(n + 1) - centre) / greatest(1.4826 * mad, $min_spread) AS z
            FROM judged
            WHERE weeks >= $min_weeks)
        SELECT segment, day, n, expected, z
        FROM scored
        WHERE expected > 0 AND expected >= $min_expected AND abs(z) > $z AND abs(n / expected - 1) > $relative_change
        ORDER BY day, segment
        """;

    /// <summary>Rows per market of a segment: on <c>$day</c>, or over the whole window when the segment sent nothing that day.</summary>
    public static string Markets(QualitySource source, string segment) => $"""
        WITH window_rows AS (
            SELECT market, {source.Day} AS day FROM {source.Sql}
            WHERE {source.Between()} AND {segment} = $segment)
        SELECT market, count(*) FROM window_rows
        WHERE day = $day OR NOT EXISTS (SELECT 1 FROM window_rows WHERE day = $day)
        GROUP BY market
        """;
}
