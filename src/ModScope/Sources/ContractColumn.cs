using ModScope.Model;

namespace ModScope.Sources;

/// <summary>One column a producer sends, as the contract states it.</summary>
/// <param name="Name">Its name in their files.</param>
/// <param name="Ours">Our column it feeds.</param>
/// <param name="Type">string, integer, number, boolean, timestamp or date.</param>
/// <param name="Required">Every row must carry a value.</param>
/// <param name="Allowed">For enumerations: the values accepted (theirs that the mapping translates, then ours).</param>
/// <param name="Rules">Further rules on the value (minimum, maximum, a reference to a known code, an extra column).</param>
public sealed record ContractColumn(string Name, string Ours, string Type, bool Required, IReadOnlyList<string>? Allowed, IReadOnlyList<string> Rules)
{
    public static ContractColumn Of(ColumnSpec column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var theirs = column.Source?.Values;
        var allowed = column.IsEnum
            ? (theirs?.Keys ?? []).Concat(column.AllowedValues!).Distinct(StringComparer.Ordinal).ToList()
            : null;
        var rules = new List<string>();
        if (theirs is { Count: > 0 })
        {
            rules.Add("their values: " + string.Join(", ", theirs.Select(v => $"{v.Key} = {v.Value}")));
        }
        if (column.MinValue is { } min)
        {
            rules.Add($"at least {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        if (column.MaxValue is { } max)
        {
            rules.Add($"at most {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        if (column.References is { } reference)
        {
            rules.Add($"a known {reference} (reference data)");
        }
        if (column.Kind == ColumnKind.Timestamp)
        {
            rules.Add(column.Source?.TimeZone is { } zone
                ? $"ISO-8601 with a UTC offset, or wall-clock time in {zone}" + (column.Source.TimestampFormats is { Count: > 0 } f ? $" (ISO-8601 or {string.Join(" or ", f)})" : "")
                : "ISO-8601 with a UTC offset (Z, +08:00)");
        }
        if (column.DefaultValue is { } fallback)
        {
            // A target's segment column stores an empty cell as "", which matches any value.
            rules.Add(fallback.Length == 0 ? "empty means any value" : $"empty means {fallback}");
        }
        if (column.Extra)
        {
            rules.Add("extra column (source mapping)");
        }
        return new ContractColumn(column.FileName, column.Name, TypeName(column.Kind), column.Required, allowed, rules);
    }

    private static string TypeName(ColumnKind kind) => kind == ColumnKind.Date ? "date" : ExtraColumn.TypeName(kind);
}
