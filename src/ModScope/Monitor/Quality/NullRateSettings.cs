namespace ModScope.Monitor.Quality;

/// <summary>
/// Null rates of columns that should usually be filled: the rate over the last <see cref="Days"/> days is judged
/// against the column's trailing rate plus its <see cref="NullRateColumn.MaxRate"/>.
/// </summary>
public sealed record NullRateSettings
{
    /// <summary>Days (up to the as-of day) whose rows are judged.</summary>
    public int Days { get; init; } = 7;

    /// <summary>Days before those whose rate is the column's usual rate.</summary>
    public int TrailingDays { get; init; } = 28;

    /// <summary>Fewer rows than this in the judged days and the column is not judged.</summary>
    public int MinRows { get; init; } = 100;

    /// <summary>A null rate at or above this is critical.</summary>
    public double CriticalRate { get; init; } = 0.1;

    /// <summary>The columns checked.</summary>
    public IReadOnlyList<NullRateColumn> Columns { get; init; } =
    [
        new("decisions", "language", 0.01),
        new("decisions", "site", 0.01, Human),
        new("decisions", "moderator_id", 0.01, Human),
        new("decisions", "handling_seconds", 0.01, Human),
    ];

    private static readonly IReadOnlyDictionary<string, string> Human =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["decided_by"] = "human" };
}
