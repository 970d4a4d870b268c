using System.Globalization;
using ModScope.Common;

namespace ModScope.Explain;

/// <summary>
/// Builds a <see cref="Cube"/> from CSV text with a header row: each row is a leaf, rows with the same dimension
/// values are summed. Dimension values are taken as written; numbers are invariant-culture. Errors are
/// <see cref="InvalidDataException"/>s naming the source, line and column.
/// </summary>
public static class CubeCsvReader
{
    /// <param name="reader">The CSV text, header first.</param>
    /// <param name="source">How errors name the input, e.g. the file name.</param>
    public static Cube Read(TextReader reader, string source, IReadOnlyList<string> dimensions, string actualColumn, string expectedColumn)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(actualColumn);
        ArgumentNullException.ThrowIfNull(expectedColumn);
        using var records = CsvRecords.Read(reader, source).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException($"{source} is empty; expected a header row naming the columns.");
        }
        var header = records.Current.Fields.Select(f => f.Trim()).ToList();
        var dimensionAt = dimensions.Select(d => Column(header, d, source)).ToArray();
        var (actualAt, expectedAt) = (Column(header, actualColumn, source), Column(header, expectedColumn, source));
        var last = dimensionAt.Append(actualAt).Append(expectedAt).Max();

        var leaves = new List<CubeLeaf>();
        var byValues = new Dictionary<string[], int>(ValuesComparer.Instance);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Count <= last)
            {
                throw new InvalidDataException(
                    $"{source} line {line}: has {fields.Count} fields, so column '{header[last]}' (field {last + 1} of {header.Count} in the header) is missing.");
            }
            var values = new string[dimensionAt.Length];
            for (var d = 0; d < values.Length; d++)
            {
                values[d] = fields[dimensionAt[d]];
            }
            var actual = Number(fields[actualAt], source, line, header[actualAt]);
            var expected = Number(fields[expectedAt], source, line, header[expectedAt]);
            if (byValues.TryGetValue(values, out var at))
            {
                leaves[at] = leaves[at] with { Actual = leaves[at].Actual + actual, Expected = leaves[at].Expected + expected };
            }
            else
            {
                byValues[values] = leaves.Count;
                leaves.Add(new CubeLeaf(values, actual, expected));
            }
        }
        return new Cube(dimensions.ToList(), leaves);
    }

    /// <summary>Rows with the same dimension values, value by value (ordinal).</summary>
    private sealed class ValuesComparer : IEqualityComparer<string[]>
    {
        public static readonly ValuesComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] values)
        {
            var hash = new HashCode();
            foreach (var value in values)
            {
                hash.Add(value, StringComparer.Ordinal);
            }
            return hash.ToHashCode();
        }
    }

    private static int Column(List<string> header, string name, string source)
    {
        var at = header.IndexOf(name);
        return at >= 0
            ? at
            : throw new InvalidDataException(
                $"{source} has no column '{name}'{NearMatch.Suggest(name, header)}; its columns are: {string.Join(", ", header)}.");
    }

    private static double Number(string text, string source, int line, string column)
    {
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value);
        if (parsed && double.IsFinite(value))
        {
            return value;
        }
        var why = parsed ? "is not a finite number" : string.IsNullOrWhiteSpace(text) ? "is empty, not a number" : "is not a number";
        throw new InvalidDataException($"{source} line {line}, column '{column}': '{text}' {why}.");
    }
}
