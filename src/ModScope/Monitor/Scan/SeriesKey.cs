namespace ModScope.Monitor.Scan;

/// <summary>A monitored series: one metric for one segment (dimension → value; empty for the total).</summary>
public sealed record SeriesKey(string Metric, IReadOnlyDictionary<string, string?> Segment)
{
    /// <summary>Canonical text, <c>market=VN;site=JKT-ALPHA</c> with dimensions sorted, empty for the total.</summary>
    public string SegmentText => Format(Segment);

    public static string Format(IReadOnlyDictionary<string, string?> segment) =>
        string.Join(';', segment.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value ?? "(none)"}"));

    public static IReadOnlyDictionary<string, string?> Parse(string text) =>
        text.Length == 0
            ? new Dictionary<string, string?>()
            : text.Split(';').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1], StringComparer.Ordinal);

    public override string ToString() => Segment.Count == 0 ? $"{Metric} (total)" : $"{Metric} [{SegmentText}]";
}
