namespace ModScope.Model;

/// <summary>
/// How a producer's files carry one column, as a source mapping declares it: under which name, with which values
/// standing for ours, and (for timestamps) in which formats and time zone. Applied in SQL while the file is read.
/// </summary>
/// <param name="FileName">The column's name in their files.</param>
/// <param name="Values">Their value → ours (exact match after trimming); a value not listed is taken as it is.</param>
/// <param name="TimestampFormats">strptime formats (<c>%d/%m/%Y %H:%M</c>) tried after ISO-8601, wall-clock times
/// read in <paramref name="TimeZone"/>.</param>
/// <param name="TimeZone">IANA time zone of timestamps that carry no UTC offset; null: the load's --assume-timezone.</param>
public sealed record ColumnSource(
    string FileName,
    IReadOnlyDictionary<string, string>? Values = null,
    IReadOnlyList<string>? TimestampFormats = null,
    string? TimeZone = null);
