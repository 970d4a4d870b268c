using ModScope.Model;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Store.SqlText;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Null rate of each configured column over the last <see cref="NullRateSettings.Days"/> days, in the rows where the
/// column applies, against its trailing rate plus <see cref="NullRateColumn.MaxRate"/>. Blank text counts as null.
/// </summary>
internal sealed class NullRateCheck : IQualityCheck
{
    public IEnumerable<QualityFinding> Run(QualityContext context)
    {
        var settings = context.Settings.NullRate;
        var recentFrom = context.AsOf.AddDays(1 - settings.Days);
        var sources = context.Sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var column in settings.Columns)
        {
            if (!sources.TryGetValue(column.Table, out var source) || source.Table.Find(column.Column) is not { } spec)
            {
                continue;
            }
            var conditions = column.When.Select((c, i) => (Sql: $" AND {Quote(c.Key)} = $when{i}", Parameter: ($"when{i}", (object?)c.Value))).ToList();
            var empty = spec.Kind == ColumnKind.Text ? $"({Quote(spec.Name)} IS NULL OR trim({Quote(spec.Name)}) = '')" : $"{Quote(spec.Name)} IS NULL";
            var counts = context.Sql.Rows($"""
                SELECT count(*) FILTER (WHERE {source.Time} >= $recent_from),
                       count(*) FILTER (WHERE {source.Time} >= $recent_from AND {empty}),
                       count(*) FILTER (WHERE {source.Time} < $recent_from),
                       count(*) FILTER (WHERE {source.Time} < $recent_from AND {empty})
                FROM {source.Sql}
                WHERE {source.Between()}{string.Concat(conditions.Select(c => c.Sql))}
                """,
                r => (Rows: r.GetInt64(0), Nulls: r.GetInt64(1), TrailingRows: r.GetInt64(2), TrailingNulls: r.GetInt64(3)),
                [("from", recentFrom.AddDays(-settings.TrailingDays)), ("until", context.Until), ("recent_from", recentFrom),
                 .. conditions.Select(c => c.Parameter)]).Single();
            if (counts.Rows < settings.MinRows)
            {
                continue;
            }
            var rate = (double)counts.Nulls / counts.Rows;
            var usual = counts.TrailingRows == 0 ? 0 : (double)counts.TrailingNulls / counts.TrailingRows;
            var limit = usual + column.MaxRate;
            if (rate <= limit)
            {
                continue;
            }
            var scope = column.When.Count == 0 ? "" : " where " + string.Join(" and ", column.When.Select(c => $"{c.Key} = {c.Value}"));
            yield return new QualityFinding(QualityCheckKind.NullRate,
                rate >= settings.CriticalRate ? QualitySeverity.Critical : QualitySeverity.Warning,
                source.Name, $"column = {spec.Name}{scope}", null, rate, usual, limit, QualityUnit.Share,
                $"{spec.Name} is empty in {Count(counts.Nulls)} of {Count(counts.Rows)} {source.Name}{scope} " +
                $"from {Day(recentFrom)} to {Day(context.AsOf)} ({Percent(rate)}), above the limit of {Percent(limit)} " +
                $"(the trailing {settings.TrailingDays}-day rate {Percent(usual)} plus {Percent(column.MaxRate)}).");
        }
    }
}
