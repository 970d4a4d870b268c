namespace ModScope.Model;

/// <summary>Every table ModScope loads from files, in load order: reference data first (each after those it points into), then events.</summary>
public static class Tables
{
    public static readonly IReadOnlyList<TableSchema> All =
        [.. ReferenceSchema.Loadable, .. EventSchema.All];

    /// <summary>Finds a table by name (case-insensitive), or null.</summary>
    public static TableSchema? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for the reference tables (not events).</summary>
    public static bool IsReference(TableSchema table) => EventSchema.All.All(t => t.Name != table.Name);
}
