using ModScope.Sources;

namespace ModScope.Bench;

/// <summary>
/// How the bench's generator names what it writes: each of our columns' name in the file, each enum value's spelling,
/// the timestamps' format and time zone, and extra columns with the SQL that gives their values. <see cref="Ours"/> is
/// our own layout; <see cref="Inverse"/> is a source mapping read backwards, so the file a mapping reads and the mapping
/// cannot drift apart.
/// </summary>
/// <param name="Columns">Our column name → the name in the file (a column not listed keeps ours).</param>
/// <param name="Values">Per column (ours): our value → the file's spelling (a value not listed is written as ours).</param>
/// <param name="TimestampFormat">strftime format of the timestamps written.</param>
/// <param name="TimeZone">IANA zone whose wall-clock time is written; null: UTC instants as the format gives them.</param>
/// <param name="Extra">Extra columns in file order: name and the SQL of the value (over the row number <c>i</c>).</param>
internal sealed record BenchNaming(
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values,
    string TimestampFormat,
    string? TimeZone,
    IReadOnlyList<(string Name, string Sql)> Extra)
{
    /// <summary>The layout <c>modscope generate</c> writes: our names and values, UTC instants with a Z.</summary>
    public static readonly BenchNaming Ours = new(new Dictionary<string, string>(), new Dictionary<string, IReadOnlyDictionary<string, string>>(),
        "%Y-%m-%dT%H:%M:%SZ", null, []);

    /// <summary>
    /// The naming a producer's export has under <paramref name="mapping"/>: its column names, its values (the mapping's
    /// their → ours, read backwards: each of our values must have one spelling), its first timestamp format in its time
    /// zone, and its extra columns, each of which <paramref name="extraValues"/> must give the SQL of.
    /// </summary>
    public static BenchNaming Inverse(TableMapping mapping, IReadOnlyDictionary<string, string> extraValues)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(extraValues);
        var values = mapping.Values.ToDictionary(v => v.Key, v =>
        {
            var spelled = v.Value.GroupBy(p => p.Value, StringComparer.Ordinal).ToList();
            if (spelled.FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ArgumentException($"The mapping spells {v.Key} '{twice.Key}' more than one way ({string.Join(", ", twice.Select(p => p.Key))}); the bench writes one.");
            }
            return (IReadOnlyDictionary<string, string>)spelled.ToDictionary(g => g.Key, g => g.Single().Key, StringComparer.Ordinal);
        }, StringComparer.Ordinal);
        var extra = mapping.Extra.Select(e => extraValues.TryGetValue(e.Name, out var sql)
            ? (e.Name, sql)
            : throw new ArgumentException($"The mapping declares the extra column {e.Name}, for which the bench has no value.")).ToList();
        var format = mapping.TimestampFormats.Count > 0 ? mapping.TimestampFormats[0] : Ours.TimestampFormat;
        return new BenchNaming(mapping.Columns, values, format, mapping.TimeZone, extra);
    }

    /// <summary>The file's name of our column.</summary>
    public string Column(string ours) => Columns.GetValueOrDefault(ours) ?? ours;

    /// <summary>The SQL literal of our value <paramref name="ours"/> of <paramref name="column"/> as the file spells it.</summary>
    public string Value(string column, string ours) =>
        "'" + (Values.GetValueOrDefault(column)?.GetValueOrDefault(ours) ?? ours).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The SQL text of a UTC instant (a TIMESTAMP expression) as the file writes it.</summary>
    public string Timestamp(string utc) =>
        TimeZone is null ? $"strftime({utc}, '{TimestampFormat}')"
            : $"strftime(timezone('{TimeZone.Replace("'", "''", StringComparison.Ordinal)}', ({utc}) AT TIME ZONE 'UTC'), '{TimestampFormat}')";
}
