namespace ModScope.Monitor.Quality;

/// <summary>The data-quality check that produced a finding.</summary>
public enum QualityCheckKind
{
    /// <summary>The newest event of a source (or a site) is older than allowed.</summary>
    Freshness,

    /// <summary>A day's row count is far from the same weekday's usual count.</summary>
    Volume,

    /// <summary>A column that is usually filled is empty too often.</summary>
    NullRate,

    /// <summary>A key appears twice in an event table, or a file re-delivered many stored rows.</summary>
    DuplicateIds,

    /// <summary>Audits or appeals whose decision has not arrived for too long.</summary>
    Orphans,

    /// <summary>A file with too many rejected rows.</summary>
    QuarantineRate,

    /// <summary>Rows loaded long after the day they happened.</summary>
    LateArrival,

    /// <summary>Costs in a currency with no exchange rate to the reporting currency on or before their day.</summary>
    MissingRate,
}
