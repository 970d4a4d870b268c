namespace ModScope.Monitor.Quality;

/// <summary>A column that should usually be filled, in the rows where it applies.</summary>
/// <param name="Table">The event table.</param>
/// <param name="Column">The column checked.</param>
/// <param name="MaxRate">Share of empty values allowed above the column's trailing rate.</param>
/// <param name="When">Only rows whose columns have these values (<c>decided_by = human</c>); empty for every row.</param>
public sealed record NullRateColumn(string Table, string Column, double MaxRate, IReadOnlyDictionary<string, string> When)
{
    public NullRateColumn(string table, string column, double maxRate)
        : this(table, column, maxRate, new Dictionary<string, string>(StringComparer.Ordinal)) { }
}
