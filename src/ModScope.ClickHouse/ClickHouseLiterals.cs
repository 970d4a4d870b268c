using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ModScope.ClickHouse;

/// <summary>
/// Values as ClickHouse SQL literals, escaped on the client (18.16 has no server-side parameters), and the
/// substitution of a statement's <c>{p0}</c> placeholders by them.
/// </summary>
public static partial class ClickHouseLiterals
{
    public static string Format(object? value) => value switch
    {
        null or DBNull => "NULL",
        string s => Quote(s),
        DateTime t => $"toDateTime('{WholeSeconds(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}')",
        DateOnly d => $"toDate('{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}')",
        bool b => b ? "1" : "0",
        double d => Number(d),
        float f => Number(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        sbyte or byte or short or ushort or int or uint or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new ArgumentException($"No ClickHouse literal for a value of type {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>A string literal: backslash and quote escaped, control characters as escapes.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => c.ToString(),
            });
        }
        return text.Append('\'').ToString();
    }

    /// <summary>Replaces each <c>{name}</c> placeholder of <paramref name="sql"/> by the literal of its value.</summary>
    public static string Bind(string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        return Placeholder().Replace(sql, m => parameters.TryGetValue(m.Groups[1].Value, out var value)
            ? Format(value)
            : throw new ArgumentException($"The statement uses parameter '{m.Groups[1].Value}' but no value was bound for it.", nameof(parameters)));
    }

    private static string Number(double d) =>
        double.IsNaN(d) ? "nan" : double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf"
        : "toFloat64(" + d.ToString("R", CultureInfo.InvariantCulture) + ")";

    private static DateTime WholeSeconds(DateTime t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));

    [GeneratedRegex(@"\{(p[0-9]+)\}")]
    private static partial Regex Placeholder();
}
