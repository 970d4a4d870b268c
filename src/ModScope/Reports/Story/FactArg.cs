namespace ModScope.Reports.Story;

/// <summary>
/// One typed value in a fact or table cell. <see cref="Number"/> is the raw number (what a spreadsheet gets);
/// formatting per language and metric happens when the report is rendered.
/// </summary>
public sealed record FactArg(ArgKind Kind, string? Metric = null, double? Number = null, string? Text = null, double? Upper = null, DateOnly? Date = null, double? Lower = null)
{
    public static FactArg Name(string metric) => new(ArgKind.MetricName, metric);

    public static FactArg Value(string metric, double? value) => new(ArgKind.Value, metric, value);

    public static FactArg Change(string metric, double? change) => new(ArgKind.Change, metric, change);

    public static FactArg Magnitude(string metric, double? change) => new(ArgKind.Magnitude, metric, change is { } c ? Math.Abs(c) : null);

    public static FactArg Range(string metric, double lower, double upper) => new(ArgKind.Interval, metric, lower, Upper: upper);

    /// <summary>A value with its interval when it has one (a plain value otherwise).</summary>
    public static FactArg Estimate(string metric, Query.MetricResult? row) =>
        row?.Interval is { } i ? new(ArgKind.Estimate, metric, row.Value, Upper: i.Upper, Lower: i.Lower) : Value(metric, row?.Value);

    public static FactArg Count(double? count) => new(ArgKind.Count, Number: count);

    public static FactArg Share(double? share) => new(ArgKind.Share, Number: share);

    public static FactArg Literal(string text) => new(ArgKind.Text, Text: text);

    /// <summary>A segment (dimension = value), or the total when <paramref name="dimension"/> is null.</summary>
    public static FactArg Segment(string? dimension, string? value) =>
        new(ArgKind.Segment, Text: dimension is null ? "" : $"{dimension}={value ?? "(none)"}");

    /// <summary>A segment from its canonical text (<c>market=VN;site=JKT-ALPHA</c>, empty for the total).</summary>
    public static FactArg Segment(string canonical) => new(ArgKind.Segment, Text: canonical);

    /// <summary>A dimension value shown by its name (Indonesia, 印度尼西亚) where the reference data has one.</summary>
    public static FactArg Member(string dimension, string? value) => new(ArgKind.Member, Text: $"{dimension}={value ?? "(none)"}");

    public static FactArg DimensionName(string dimension) => new(ArgKind.Dimension, Text: dimension);

    public static FactArg Day(DateOnly date) => new(ArgKind.Date, Date: date);

    public static FactArg Week(DateOnly date) => new(ArgKind.Week, Date: date);

    public static FactArg Word(string key) => new(ArgKind.Word, Text: key);

    /// <summary>A known event of the calendar (catalog/events.yaml), shown by its name.</summary>
    public static FactArg Event(string id) => new(ArgKind.Event, Text: id);

    public static FactArg PeriodLabel(bool prior) => new(ArgKind.Period, Text: prior ? "prior" : "period");
}
