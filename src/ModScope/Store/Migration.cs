using DuckDB.NET.Data;

namespace ModScope.Store;

/// <summary>One schema change. Migrations run in version order inside one transaction each.</summary>
/// <param name="Version">Strictly increasing schema version.</param>
/// <param name="Name">What the change does, recorded in <c>schema_migrations</c>.</param>
/// <param name="Apply">The change, run on an open connection inside a transaction.</param>
public sealed record Migration(int Version, string Name, Action<DuckDBConnection> Apply);
