namespace ModScope.Model;

/// <summary>
/// A reference table: its name, its key column, its columns in stored order (a column that is not required may be
/// empty) and the shipped rows as values in that order.
/// </summary>
public sealed record ReferenceTable(string Name, string Key, IReadOnlyList<ColumnSpec> Columns, Func<ReferenceData, IEnumerable<object?[]>> Values)
{
    /// <summary>The shipped rows, each a value per column in <see cref="Columns"/> order.</summary>
    public IEnumerable<object?[]> Rows(ReferenceData data) => Values(data);

    /// <summary>The index of a column in <see cref="Columns"/>, or -1.</summary>
    public int IndexOf(string column) => Columns.ToList().FindIndex(c => c.Name == column);
}
