using System.Globalization;
using ModScope.Model;

namespace ModScope.ClickHouse;

/// <summary>
/// A reference column looked up through literal arrays: the key's position (<c>transform</c> hashes the keys), then the
/// value of the row in force on the row's day, as DuckDB's join picks it (a row is valid from its <c>valid_from</c> until
/// the next row of its key; a key's first row also covers earlier days). Days compare as <c>toYYYYMMDD</c> numbers.
/// </summary>
internal static class ReferenceLiterals
{
    public static string Column(ClickHouseLookups lookups, ReferenceTable table, string column, string key, string asOf)
    {
        var (k, c, from) = (table.IndexOf(table.Key), table.IndexOf(column), table.IndexOf(table.ValidFrom));
        if (k < 0 || c < 0)
        {
            throw new ArgumentException($"No reference column {table.Name}.{column}.", nameof(column));
        }
        var groups = lookups.Of(table.Name).GroupBy(r => (string)r[k]!, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => Day(r[from])).ToList()).ToList();
        if (groups.Count == 0)
        {
            return "NULL";
        }
        var keys = List(groups.Select(g => g[0][k]));
        var index = $"transform(assumeNotNull({key}), {keys}, {Positions(groups.Count)}, 0)";
        if (groups.TrueForAll(g => g.Count == 1))
        {
            return $"if(isNull({key}) OR {index} = 0, NULL, {List(groups.Select(g => g[0][c]))}[{index}])";
        }
        var flat = groups.SelectMany(g => g).ToList();
        var (starts, counts) = Ranges(groups.Select(g => g.Count));
        var values = List(flat.Select(r => r[c]));
        var days = List(flat.Select(r => (object?)Day(r[from])));
        return $"if(isNull({key}) OR {index} = 0, NULL, {values}[{InForce(starts, counts, days, index, asOf)}])";
    }

    /// <summary>
    /// <paramref name="amount"/> in the reporting currency: unchanged in it, else times the rate of the latest date on or
    /// before <paramref name="day"/> of <paramref name="currency"/>; NULL without one.
    /// </summary>
    public static string Converted(ClickHouseLookups lookups, string amount, string currency, string day, string reportingCurrency)
    {
        var groups = lookups.Rates.GroupBy(r => (string)r[1]!, StringComparer.Ordinal).Select(g => g.OrderBy(r => Day(r[0])).ToList()).ToList();
        if (groups.Count == 0)
        {
            return $"({amount} * if({currency} = {reportingCurrency}, 1.0, NULL))";
        }
        var flat = groups.SelectMany(g => g).ToList();
        var (starts, counts) = Ranges(groups.Select(g => g.Count));
        var index = $"transform(ifNull({currency}, ''), {List(groups.Select(g => g[0][1]))}, {Positions(groups.Count)}, 0)";
        var earlier = $"arrayCount(__d -> __d <= toYYYYMMDD({day}), arraySlice({List(flat.Select(r => (object?)Day(r[0])))}, {starts}[{index}], {counts}[{index}]))";
        var rate = $"if({index} = 0 OR {earlier} = 0, NULL, {List(flat.Select(r => r[2]))}[{starts}[{index}] + {earlier} - 1])";
        return $"({amount} * if({currency} = {reportingCurrency}, 1.0, {rate}))";
    }

    // The position in the flat arrays of the key's row in force: its rows' days up to the row's day, at least its first row.
    private static string InForce(string starts, string counts, string days, string index, string asOf) =>
        $"{starts}[{index}] + greatest(arrayCount(__d -> __d <= toYYYYMMDD({asOf}), arraySlice({days}, {starts}[{index}], {counts}[{index}])), 1) - 1";

    private static (string Starts, string Counts) Ranges(IEnumerable<int> sizes)
    {
        var (starts, counts, next) = (new List<object?>(), new List<object?>(), 1);
        foreach (var size in sizes)
        {
            starts.Add(next);
            counts.Add(size);
            next += size;
        }
        return (List(starts), List(counts));
    }

    private static string Positions(int count) => "[" + string.Join(", ", Enumerable.Range(1, count)) + "]";

    private static string List(IEnumerable<object?> values) => "[" + string.Join(", ", values.Select(ClickHouseLiterals.Format)) + "]";

    // A valid_from or rate date as a toYYYYMMDD number (a missing one is the start of time).
    private static int Day(object? value)
    {
        var day = value switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            null => ReferenceSchema.Always,
            _ => DateOnly.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
        };
        return day.Year * 10000 + day.Month * 100 + day.Day;
    }
}
