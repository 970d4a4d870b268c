namespace ModScope.Model;

/// <summary>An event table: its columns, its identity and the row rules every row must satisfy.</summary>
/// <param name="Name">Table name in the store, and the prefix of the files that feed it.</param>
/// <param name="Key">Columns that identify a row; a second row with the same key is a duplicate.</param>
/// <param name="Columns">Columns in file order.</param>
/// <param name="Rules">Cross-column rules.</param>
/// <param name="ParentReference">For audits and appeals: the decision column that must exist in <c>decisions</c>.</param>
public sealed record TableSchema(
    string Name,
    IReadOnlyList<string> Key,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<RowRule> Rules,
    string? ParentReference = null)
{
    /// <summary>Finds a column by name (case-insensitive), or null.</summary>
    public ColumnSpec? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Columns a file must carry (required ones; optional columns may be left out).</summary>
    public IEnumerable<ColumnSpec> RequiredColumns => Columns.Where(c => c.Required);
}
