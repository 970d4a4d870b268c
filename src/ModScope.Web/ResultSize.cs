using ModScope.Query;

namespace ModScope.Web;

/// <summary>
/// An estimate of the managed memory a list of results holds, for the answer cache's byte budget: each result record
/// with its boxed numbers and interval, the list's slot, and each distinct dimension dictionary with its value strings
/// once (rows of one group share theirs). Metric ids and dimension names are the request's own strings and not
/// counted. Sizes are 64-bit CoreCLR layouts; a test checks the estimate against measured allocations.
/// </summary>
internal static class ResultSize
{
    /// <summary>Object header and method table (16) plus the record's fields laid out: 5 references, 1 DateTime? and 10 double?/bool? of 16.</summary>
    private const long Result = 16 + 5 * 8 + 16 + 10 * 16;

    private const long IntervalRecord = 16 + 3 * 8 + 8;

    /// <summary>A partly covered comparison's record: header, a DateOnly, five ints and a bool, padded to 8.</summary>
    private const long CoverageRecord = 16 + 32;
    private const long ListSlot = 8;
    private const long Dictionary = 80 + 2 * 24;
    private const long DictionaryEntry = 24 + 4;
    private const long StringHeader = 22;

    public static long Estimate(IReadOnlyList<MetricResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var bytes = 0L;
        var dictionaries = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var result in results)
        {
            bytes += Result + ListSlot + (result.Interval is null ? 0 : IntervalRecord) + (result.Coverage is null ? 0 : CoverageRecord);
            if (dictionaries.Add(result.Dimensions))
            {
                bytes += Dictionary + result.Dimensions.Count * DictionaryEntry
                    + result.Dimensions.Values.Sum(v => v is null ? 0 : StringHeader + 2L * v.Length);
            }
        }
        return bytes;
    }
}
