namespace ModScope.Store;

/// <summary>What one item of <see cref="StoreCheck"/> checked (its words per language are <c>Monitor/Findings</c>' <c>check.*</c> templates).</summary>
public enum StoreCheckKind
{
    /// <summary>Every value of <see cref="StoreCheckItem.Table"/> read, so DuckDB checked every block's checksum (a failure has the engine's words as its detail).</summary>
    Checksum,

    /// <summary>The file could not be opened as a DuckDB database (the engine's words as the detail).</summary>
    Unreadable,

    /// <summary>The database has no <c>schema_migrations</c> table: it is not a ModScope store.</summary>
    NotAStore,

    /// <summary>The schema version (<see cref="StoreCheckItem.Count"/>) against this build's (<see cref="StoreCheckItem.Expected"/>); a problem when newer.</summary>
    SchemaVersion,

    /// <summary>Rows of <see cref="StoreCheckItem.Table"/> whose <c>file_id</c> names no recorded file.</summary>
    RowsWithoutFile,

    /// <summary>Rows of <see cref="StoreCheckItem.Table"/> whose decision (<see cref="StoreCheckItem.Column"/>) is not stored.</summary>
    RowsWithoutDecision,

    /// <summary>Files whose <c>load_id</c> names no recorded load.</summary>
    FilesWithoutLoad,

    /// <summary>Files whose rows read are not rows loaded + quarantined.</summary>
    FileCountsDisagree,

    /// <summary>
    /// Rows of <see cref="StoreCheckItem.Table"/> waiting (quarantine status pending) for a code or a decision not loaded
    /// yet, with examples as file:line field; never a problem (they are released when it arrives). No table: none wait.
    /// </summary>
    RowsWaiting,
}
