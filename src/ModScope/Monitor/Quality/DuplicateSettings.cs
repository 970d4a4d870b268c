namespace ModScope.Monitor.Quality;

/// <summary>
/// Re-deliveries: a file loaded in the judged days whose rows mostly replaced stored rows (a newer version of the same
/// keys). Duplicate keys inside an event table are always critical and have no setting.
/// </summary>
public sealed record DuplicateSettings
{
    /// <summary>A file whose replaced rows are more than this share of the rows it read is a re-delivery.</summary>
    public double MaxReplacedShare { get; init; } = 0.2;

    /// <summary>Files that replaced fewer rows than this are ordinary corrections.</summary>
    public int MinReplacedRows { get; init; } = 10;
}
