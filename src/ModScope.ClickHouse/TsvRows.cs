using System.Globalization;
using System.Text;

namespace ModScope.ClickHouse;

/// <summary>
/// Reads ClickHouse <c>TSVWithNamesAndTypes</c> into rows of CLR values as DuckDB returns them: integers as
/// <see cref="long"/>, floats as <see cref="double"/> (nan and inf included), DateTime and Date as
/// <see cref="DateTime"/>, strings as <see cref="string"/>, <c>\N</c> as null.
/// </summary>
internal static class TsvRows
{
    public static async Task<IReadOnlyList<object?[]>> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var names = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        var typeLine = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (names is null || typeLine is null)
        {
            return [];
        }
        var types = typeLine.Split('\t').Select(Unescape).Select(t => Parser(t!)).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var cells = line.Split('\t');
            var row = new object?[types.Length];
            for (var i = 0; i < types.Length; i++)
            {
                var text = Unescape(cells[i]);
                row[i] = text is null ? null : types[i](text);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The text of an escaped TSV field, or null for <c>\N</c>.</summary>
    public static string? Unescape(string field)
    {
        if (field == "\\N")
        {
            return null;
        }
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i == field.Length - 1)
            {
                text.Append(field[i]);
                continue;
            }
            var next = field[++i];
            text.Append(next switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                'b' => '\b',
                'f' => '\f',
                '0' => '\0',
                _ => next,
            });
        }
        return text.ToString();
    }

    private static Func<string, object> Parser(string type)
    {
        var inner = Strip(Strip(type, "Nullable("), "LowCardinality(");
        if (inner.StartsWith("Int", StringComparison.Ordinal) || inner.StartsWith("UInt", StringComparison.Ordinal))
        {
            return s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
        }
        if (inner.StartsWith("Float", StringComparison.Ordinal) || inner.StartsWith("Decimal", StringComparison.Ordinal))
        {
            return s => s switch
            {
                "nan" or "-nan" => double.NaN,
                "inf" or "+inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        }
        if (inner.StartsWith("DateTime", StringComparison.Ordinal))
        {
            return s => s == "0000-00-00 00:00:00" ? DateTime.UnixEpoch : DateTime.ParseExact(s, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        if (inner == "Date")
        {
            // 18.16 writes day 0 (1970-01-01, a reference row's valid_from when it gives none) as zeros.
            return s => s == "0000-00-00" ? DateTime.UnixEpoch : DateTime.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return s => s;
    }

    private static string Strip(string type, string wrapper) =>
        type.StartsWith(wrapper, StringComparison.Ordinal) ? type[wrapper.Length..^1] : type;
}
