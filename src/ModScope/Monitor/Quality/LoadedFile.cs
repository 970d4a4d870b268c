using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>A file of the load history (<c>files</c>, which both engines' loads record).</summary>
internal sealed record LoadedFile(long Id, string Name, string Table, DateTime LoadedAt, long RowsRead, long RowsReplaced)
{
    public DateOnly LoadDay => DateOnly.FromDateTime(LoadedAt);

    /// <summary>Files loaded from the start of <paramref name="from"/> up to the start of <paramref name="until"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<LoadedFile>> BetweenAsync(QualitySql sql, DateOnly from, DateOnly until)
    {
        var rows = await sql.RowsAsync($"""
            SELECT file_id, name, table_name, loaded_at, rows_read, rows_replaced
            FROM {sql.Table("files", "f")}
            WHERE loaded_at >= $from AND loaded_at < $until
            """, ("from", Start(from)), ("until", Start(until))).ConfigureAwait(false);
        return rows.Select(r => new LoadedFile(AsLong(r[0]), AsText(r[1]), AsText(r[2]), AsTime(r[3]), AsLong(r[4]), AsLong(r[5])))
            .OrderBy(f => f.LoadedAt).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static DateTime Start(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);
}
