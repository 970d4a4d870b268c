namespace ModScope.Model;

/// <summary>A table ModScope loads from files: its columns, its identity and the row rules every row must satisfy.</summary>
/// <param name="Name">Table name in the store, and the prefix of the files that feed it.</param>
/// <param name="Key">Columns that identify a row; a second row with the same key is a duplicate (or, see
/// <paramref name="ReplacesSameKey"/>, a correction).</param>
/// <param name="Columns">Columns in file order.</param>
/// <param name="Rules">Cross-column rules.</param>
/// <param name="ParentReference">For audits and appeals: the decision column that must exist in <c>decisions</c>.</param>
/// <param name="AsOf">The column that dates a row when its references are looked up: the reference row valid at this
/// time is the one a metric attributes the row to (a decision's <c>decided_at</c>, a staffing row's <c>date</c>).</param>
/// <param name="ReplacesSameKey">A later load's row with a stored row's key replaces it (reference data: a corrected
/// market or target); otherwise it is a <c>duplicate_id</c> unless it carries a higher <c>version</c>.</param>
/// <param name="WaitsForReferences">A row naming a market, queue, policy or site not yet in the reference data waits in
/// <c>pending_*</c> (not quarantined) until a later load (or a later file of the same load) brings the code: decisions,
/// staffing, and the reference rows that point at others (a policy's parent, a queue's market, a target's segment).</param>
public sealed record TableSchema(
    string Name,
    IReadOnlyList<string> Key,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<RowRule> Rules,
    string? ParentReference = null,
    string? AsOf = null,
    bool ReplacesSameKey = false,
    bool WaitsForReferences = false)
{
    /// <summary>Whether the store has a <c>pending_*</c> table for rows of this table that wait (for a decision or a reference code).</summary>
    public bool HasPendingTable => ParentReference is not null || WaitsForReferences;

    /// <summary>The columns that name a row of a reference table (<see cref="ColumnSpec.References"/>).</summary>
    public IEnumerable<ColumnSpec> ReferenceColumns => Columns.Where(c => c.References is not null);

    /// <summary>Finds a column by name (case-insensitive), or null.</summary>
    public ColumnSpec? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The column a file's header names (<see cref="ColumnSpec.FileName"/>, case-insensitive), or null.</summary>
    public ColumnSpec? FromFile(string header) =>
        Columns.FirstOrDefault(c => string.Equals(c.FileName, header, StringComparison.OrdinalIgnoreCase));

    /// <summary>Columns a file must carry (required ones; optional columns may be left out).</summary>
    public IEnumerable<ColumnSpec> RequiredColumns => Columns.Where(c => c.Required);
}
