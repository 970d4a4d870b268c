using ModScope.Model;
using ModScope.Monitor.Findings;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Null rate of each configured column over the last <see cref="NullRateSettings.Days"/> days, in the rows where the
/// column applies, against its trailing rate plus <see cref="NullRateColumn.MaxRate"/>. Blank text counts as null.
/// </summary>
internal sealed class NullRateCheck : IQualityCheck
{
    public async Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context)
    {
        var findings = new List<QualityFinding>();
        var sql = context.Sql;
        var settings = context.Settings.NullRate;
        var recentFrom = context.AsOf.AddDays(1 - settings.Days);
        var sources = context.Sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var judged = settings.Columns
            .Select(column => (Column: column, Source: sources.GetValueOrDefault(column.Table), Spec: sources.GetValueOrDefault(column.Table)?.Table.Find(column.Column)))
            .Where(c => c.Source is not null && c.Spec is not null)
            .Select(c => (c.Column, Source: c.Source!, Spec: c.Spec!))
            .ToList();
        // One read of each source's window counts every column of it (four counts per column, its conditions inside them).
        var counted = new Dictionary<NullRateColumn, (long Rows, long Nulls, long TrailingRows, long TrailingNulls)>(ReferenceEqualityComparer.Instance);
        foreach (var group in judged.GroupBy(c => c.Source))
        {
            var source = group.Key;
            var columns = group.ToList();
            var parameters = new List<(string Name, object? Value)>
            {
                ("from", source.Bound(recentFrom.AddDays(-settings.TrailingDays))), ("until", source.Bound(context.Until)), ("recent_from", source.Bound(recentFrom)),
            };
            var counts = new List<string>();
            for (var j = 0; j < columns.Count; j++)
            {
                var (column, _, spec) = columns[j];
                var when = string.Concat(column.When.Select((c, i) => $" AND {sql.Quote(c.Key)} = $c{j}_when{i}"));
                parameters.AddRange(column.When.Select((c, i) => ($"c{j}_when{i}", (object?)c.Value)));
                var name = sql.Quote(spec.Name);
                // Blank text is only spaces (as DuckDB's trim removes): replace() is the same function on both engines.
                var empty = spec.Kind == ColumnKind.Text ? $"({name} IS NULL OR replace({name}, ' ', '') = '')" : $"{name} IS NULL";
                var recent = $"{source.Time} >= $recent_from{when}";
                var trailing = $"{source.Time} < $recent_from{when}";
                counts.Add($"{sql.CountIf(recent)}, {sql.CountIf($"{recent} AND {empty}")}, {sql.CountIf(trailing)}, {sql.CountIf($"{trailing} AND {empty}")}");
            }
            var row = (await sql.RowsAsync($"""
                SELECT {string.Join(", ", counts)}
                FROM {sql.Table(source.Name)}
                WHERE {source.Between()}
                """, [.. parameters]).ConfigureAwait(false)).Single();
            for (var j = 0; j < columns.Count; j++)
            {
                counted[columns[j].Column] = (AsLong(row[4 * j]), AsLong(row[4 * j + 1]), AsLong(row[4 * j + 2]), AsLong(row[4 * j + 3]));
            }
        }
        foreach (var (column, source, spec) in judged)
        {
            var counts = counted[column];
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
            findings.Add(new QualityFinding(QualityCheckKind.NullRate,
                rate >= settings.CriticalRate ? QualitySeverity.Critical : QualitySeverity.Warning,
                source.Name, $"column = {spec.Name}{scope}", null, rate, usual, limit, QualityUnit.Share,
                $"{spec.Name} is empty in {Count(counts.Nulls)} of {Count(counts.Rows)} {source.Name}{scope} " +
                $"from {Day(recentFrom)} to {Day(context.AsOf)} ({Percent(rate)}), above the limit of {Percent(limit)} " +
                $"(the trailing {settings.TrailingDays}-day rate {Percent(usual)} plus {Percent(column.MaxRate)}).")
            {
                Facts = new FindingFacts(column.When.Count == 0 ? "null_rate" : "null_rate_where", new Dictionary<string, FindingFact>(StringComparer.Ordinal)
                {
                    ["column"] = FindingFacts.Text(spec.Name), ["source"] = new(FactKind.Source, Text: source.Name),
                    ["where"] = FindingFacts.Text(string.Join(", ", column.When.Select(c => $"{c.Key} = {c.Value}"))),
                    ["nulls"] = FindingFacts.Count(counts.Nulls), ["rows"] = FindingFacts.Count(counts.Rows),
                    ["from"] = FindingFacts.Day(recentFrom), ["to"] = FindingFacts.Day(context.AsOf), ["rate"] = FindingFacts.Of(FactKind.Share, rate),
                    ["limit"] = FindingFacts.Of(FactKind.Share, limit), ["days"] = FindingFacts.Count(settings.TrailingDays),
                    ["usual"] = FindingFacts.Of(FactKind.Share, usual), ["allowed"] = FindingFacts.Of(FactKind.Share, column.MaxRate),
                }),
            });
        }
        return findings;
    }
}
