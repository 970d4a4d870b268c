using ModScope.Model;

namespace ModScope.Sources;

/// <summary>
/// A producer's export described against our tables (<c>catalog/sources.yaml</c> or <c>ingest --mapping FILE</c>):
/// per table, their column names, their values, their timestamp formats and time zone, and their extra columns.
/// Read by <see cref="SourceMappingParser"/>; applied while ingest reads a file, in SQL.
/// </summary>
/// <param name="File">The mapping file, for messages.</param>
/// <param name="Tables">Per table name, how their files differ.</param>
public sealed record SourceMapping(string File, IReadOnlyDictionary<string, TableMapping> Tables)
{
    /// <summary>The default place of the mapping, beside the catalogue.</summary>
    public const string DefaultPath = "catalog/sources.yaml";

    /// <summary>No mapping: every table as shipped.</summary>
    public static readonly SourceMapping None = new("(none)", new Dictionary<string, TableMapping>());

    /// <summary><paramref name="table"/> as its files arrive under this mapping (itself when the mapping does not name it).</summary>
    public TableSchema Apply(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Tables.TryGetValue(table.Name, out var mapping) ? mapping.Apply(table) : table;
    }

    /// <summary>The columns that identify people: the event schema's and the extra columns marked <c>person: true</c>.</summary>
    public IReadOnlySet<string> PersonColumns =>
        EventSchema.PersonColumns.Concat(Tables.Values.SelectMany(t => t.Extra).Where(e => e.Person).Select(e => e.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The extra columns declared for <paramref name="table"/> (none when the mapping does not name it).</summary>
    public IReadOnlyList<ExtraColumn> ExtraColumns(string table) =>
        Tables.TryGetValue(table, out var mapping) ? mapping.Extra : [];
}
