using ModScope.Model;
using static ModScope.Store.SqlText;

namespace ModScope.Monitor.Quality;

/// <summary>An event table and the column that says when its rows happened.</summary>
/// <param name="Table">The event table.</param>
/// <param name="TimeColumn">Its event-time column (a timestamp, or a date for staffing).</param>
/// <param name="IsDate">True when the time column is a date: the row counts as happening at the end of that day.</param>
internal sealed record QualitySource(TableSchema Table, string TimeColumn, bool IsDate)
{
    public static readonly IReadOnlyList<QualitySource> All =
    [
        new(EventSchema.Decisions, "decided_at", false),
        new(EventSchema.QaAudits, "audited_at", false),
        new(EventSchema.Appeals, "filed_at", false),
        new(EventSchema.Staffing, "date", true),
    ];

    /// <summary>The decisions source (the one with sites and per-site checks).</summary>
    public static QualitySource Decisions => All[0];

    public string Name => Table.Name;

    /// <summary>The quoted time column (double quotes: standard SQL, read by both engines).</summary>
    public string Time => Quote(TimeColumn);

    /// <summary>The event day, as SQL (both engines cast a timestamp or a date to DATE).</summary>
    public string Day => $"CAST({Time} AS DATE)";

    /// <summary>Rows whose event day is in [<c>$from</c>, <c>$until</c>) (two parameters bound with <see cref="Bound"/>).</summary>
    public string Between(string from = "from", string until = "until") => $"{Time} >= ${from} AND {Time} < ${until}";

    /// <summary>
    /// The start of <paramref name="day"/> as a value to compare with the time column: a date for a date column, else a
    /// timestamp (ClickHouse 18.16 compares a DateTime with a Date by their raw numbers, seconds against days).
    /// </summary>
    public object Bound(DateOnly day) => IsDate ? day : day.ToDateTime(TimeOnly.MinValue);

    public bool HasMarket => Table.Find("market") is not null;
}
