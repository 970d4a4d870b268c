using ModScope.Model;

namespace ModScope.Sources;

/// <summary>How a producer's files for one table differ from ours.</summary>
/// <param name="Table">Our table (<c>decisions</c>, <c>queues</c>, ...).</param>
/// <param name="Columns">Our column name → their column name.</param>
/// <param name="Values">Per column (ours): their value → ours.</param>
/// <param name="TimestampFormats">strptime formats their timestamps may take besides ISO-8601.</param>
/// <param name="TimeZone">IANA time zone of their timestamps that carry no UTC offset.</param>
/// <param name="Extra">Columns of their own, stored beside ours.</param>
public sealed record TableMapping(
    string Table,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values,
    IReadOnlyList<string> TimestampFormats,
    string? TimeZone,
    IReadOnlyList<ExtraColumn> Extra)
{
    /// <summary>Our table's schema as their files carry it: renamed columns, translated values, formats, extra columns.</summary>
    public TableSchema Apply(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var extra = Extra.Select(e => new ColumnSpec(e.Name, e.Kind, Required: false, Extra: true, Person: e.Person));
        var columns = table.Columns.Concat(extra).Select(Source).ToList();
        return table with { Columns = columns };
    }

    private ColumnSpec Source(ColumnSpec column)
    {
        var renamed = Columns.GetValueOrDefault(column.Name);
        var values = Values.GetValueOrDefault(column.Name);
        var timed = column.Kind == ColumnKind.Timestamp && (TimestampFormats.Count > 0 || TimeZone is not null);
        if (renamed is null && values is null && !timed)
        {
            return column;
        }
        return column with
        {
            Source = new ColumnSource(renamed ?? column.Name, values,
                timed ? TimestampFormats : null, timed ? TimeZone : null),
        };
    }
}
