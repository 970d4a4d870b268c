namespace ModScope.Ingest;

/// <summary>The names of the rules a quarantined row can break, as stored in <c>quarantine.rule</c>.</summary>
public static class QuarantineRules
{
    public const string MissingRequired = "missing_required";
    public const string BadNumber = "bad_number";
    public const string BadWholeNumber = "bad_whole_number";
    public const string BadTimestamp = "bad_timestamp";
    public const string BadDate = "bad_date";
    public const string BadBoolean = "bad_boolean";
    public const string TimestampWithoutOffset = "timestamp_without_offset";
    public const string UnknownValue = "unknown_value";
    public const string BelowMinimum = "below_minimum";
    public const string AboveMaximum = "above_maximum";
    public const string UnknownReference = "unknown_reference";
    public const string DuplicateId = "duplicate_id";
    /// <summary>An audit or appeal whose decision is not loaded yet: parked, released when it arrives.</summary>
    public const string OrphanReference = "orphan_reference";
    public const string WrongHeader = "wrong_header";
    public const string EmptyFile = "empty_file";
    public const string MissingColumns = "missing_columns";
    public const string ExtraColumns = "extra_columns";
    public const string InvalidUtf8 = "invalid_utf8";
    public const string MalformedRow = "malformed_row";
    public const string MalformedJson = "malformed_json";
    /// <summary>A timestamp or date outside the load's window (default 2000-01-01 to a day after the load).</summary>
    public const string TimestampOutOfRange = "timestamp_out_of_range";
    /// <summary>An id or name holding a C0 control character (NUL, tab, a line end, ...) or DEL.</summary>
    public const string ControlCharacter = "control_character";
    /// <summary>A JSON object or array, or a Parquet STRUCT, LIST or MAP, where a scalar value belongs.</summary>
    public const string NestedValue = "nested_value";
    /// <summary>The whole file cannot be read: a corrupt or truncated gzip, a truncated or non-Parquet file.</summary>
    public const string UnreadableFile = "unreadable_file";
    /// <summary>A header over the limits (<see cref="InputLimits"/>): the file is not read.</summary>
    public const string HeaderTooLarge = "header_too_large";

    /// <summary>Maps a DuckDB CSV reject <c>error_type</c> to a rule name.</summary>
    public static string FromCsvRejectType(string errorType) => errorType switch
    {
        "MISSING COLUMNS" => MissingColumns,
        "TOO MANY COLUMNS" => ExtraColumns,
        "INVALID ENCODING" or "INVALID UNICODE" => InvalidUtf8,
        _ => MalformedRow,
    };
}
