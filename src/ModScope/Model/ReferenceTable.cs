namespace ModScope.Model;

/// <summary>
/// A reference table other tables point into: its schema (loaded from files like events), the key column they point at
/// (<see cref="Key"/>), the date each row is valid from (<see cref="ValidFrom"/>: a row applies from then until the next
/// row of the same key; a key's first row also covers every earlier time) and the shipped rows as values in column order.
/// </summary>
public sealed record ReferenceTable(TableSchema Schema, string Key, string ValidFrom, Func<ReferenceData, IEnumerable<object?[]>> Values)
{
    public string Name => Schema.Name;

    /// <summary>The columns in stored order (without the lineage columns <c>file_id</c> and <c>line</c>).</summary>
    public IReadOnlyList<ColumnSpec> Columns => Schema.Columns;

    /// <summary>The shipped rows, each a value per column in <see cref="Columns"/> order.</summary>
    public IEnumerable<object?[]> Rows(ReferenceData data) => Values(data);

    /// <summary>The index of a column in <see cref="Columns"/>, or -1.</summary>
    public int IndexOf(string column) => Columns.ToList().FindIndex(c => c.Name == column);
}
