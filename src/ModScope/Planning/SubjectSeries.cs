using ModScope.Planning.Forecasting;

namespace ModScope.Planning;

/// <summary>One daily series read from the store: what it is about (dimension → value) and its days in order.</summary>
public sealed record SubjectSeries(IReadOnlyDictionary<string, string> Subject, IReadOnlyList<DailyPoint> Points)
{
    /// <summary>The subject as <c>queue=ID-patrol, site=KUL-ALPHA</c> (dimensions in request order), or <c>all</c>.</summary>
    public string Label => Subject.Count == 0 ? "all" : string.Join(", ", Subject.Select(kv => $"{kv.Key}={kv.Value}"));
}
