using ModScope.Common;

namespace ModScope.Ingest;

/// <summary>
/// Work a load does on what it wrote before it commits, inside its transaction (the catalogue's rollup:
/// <c>Query.Rollups.RollupMaintainer</c>), so the store never holds rows without it and a rolled-back load leaves
/// neither. Rows a load replaced are in the temporary tables <c>replaced_TABLE</c> of the load's connection.
/// Implemented in this library only (it runs on the load's own connection).
/// </summary>
public abstract class LoadMaintenance
{
    /// <summary>Brings derived tables up to date with load <paramref name="loadId"/> (its files are those with that <c>load_id</c>).</summary>
    internal abstract void AfterLoad(SqlRunner sql, long loadId);
}
