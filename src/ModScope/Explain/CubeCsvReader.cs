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
        var byValues = new Dictionary<string, int>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Count <= last)
            {
                throw new InvalidDataException(
                    $"{source} line {line}: has {fields.Count} fields, so column '{header[last]}' (field {last + 1} of {header.Count} in the header) is missing.");
            }
            var values = dimensionAt.Select(i => fields[i]).ToArray();
            var actual = Number(fields[actualAt], source, line, header[actualAt]);
            var expected = Number(fields[expectedAt], source, line, header[expectedAt]);
            // Length-prefixed, so no value can run into the next.
            var key = string.Concat(values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Length}:{v}")));
            if (byValues.TryGetValue(key, out var at))
            {
                leaves[at] = leaves[at] with { Actual = leaves[at].Actual + actual, Expected = leaves[at].Expected + expected };
            }
            else
            {
                byValues[key] = leaves.Count;
                leaves.Add(new CubeLeaf(values, actual, expected));
            }
        }
        return new Cube(dimensions.ToList(), leaves);
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
