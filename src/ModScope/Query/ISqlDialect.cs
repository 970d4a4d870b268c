namespace ModScope.Query;

/// <summary>
/// The SQL fragments that differ between engines. The planner writes standard SQL around these; an
/// engine adds a dialect that overrides only what differs (see <see cref="StandardDialect"/>).
/// </summary>
public interface ISqlDialect
{
    string Name { get; }

    /// <summary>A quoted identifier.</summary>
    string Quote(string identifier);

    /// <summary>The placeholder for a bound parameter.</summary>
    string Parameter(string name);

    /// <summary>A stored UTC timestamp as local wall-clock time in the zone bound to <paramref name="timeZoneParameter"/>.</summary>
    string LocalTime(string utcTimestamp, string timeZoneParameter);

    /// <summary>A timestamp moved by a whole number of minutes bound to <paramref name="minutesParameter"/>.</summary>
    string AddMinutes(string timestamp, string minutesParameter);

    /// <summary>The start of the <paramref name="grain"/> bucket holding a local timestamp or date (ISO weeks start Monday).</summary>
    string Truncate(string localTimestamp, TimeGrain grain);

    /// <summary>Hours from <paramref name="earlier"/> to <paramref name="later"/>, as a floating-point number.</summary>
    string HoursBetween(string earlier, string later);

    /// <summary>An aggregate over the rows where <paramref name="condition"/> holds (all rows when null).</summary>
    string Aggregate(AggregateKind kind, string? value, string? condition, double quantile = 0);

    /// <summary>Rows of <paramref name="table"/> numbered 1, 2, ... within each <paramref name="partition"/>, as <c>__rn</c>.</summary>
    string Numbered(string table, string partition, string orderBy);
}

/// <summary>The aggregates a dialect renders.</summary>
public enum AggregateKind
{
    Count,
    Sum,
    Avg,
    /// <summary>Exact quantile, linear interpolation between order statistics.</summary>
    Quantile,
    Max,
}
