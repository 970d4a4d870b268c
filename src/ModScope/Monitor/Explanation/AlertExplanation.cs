using System.Text.Json;
using System.Text.Json.Serialization;

namespace ModScope.Monitor.Explanation;

/// <summary>
/// Why a metric alert moved: the metric in the alert's days against the same weekdays of the previous weeks, the
/// segments (conjunctions of dimension values) that explain the change with their shares, and, for proportions,
/// the split of the change into mix (segment weights moved) and rate (segment rates moved) along one dimension; and
/// <see cref="Within"/>, the narrower segments where the monitor raised the same metric's alert on those days, held under
/// this one (the monitor's own drill-down: each is a significant anomaly of its own).
/// </summary>
public sealed record AlertExplanation(
    string Metric,
    string Segment,
    DateOnly From,
    DateOnly To,
    int BaselineWeeks,
    double? Current,
    double? Baseline,
    IReadOnlyList<ExplainedCause> Causes,
    MixRateSplit? MixRate)
{
    /// <summary>The narrower alerts of the same metric held under this one, strongest first.</summary>
    public IReadOnlyList<NarrowerAlert> Within { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AlertExplanation? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<AlertExplanation>(json, Json);
}

/// <summary>One root cause: <see cref="Conjunction"/> (dimension → value) and its share of the change.</summary>
public sealed record ExplainedCause(IReadOnlyDictionary<string, string> Conjunction, double Share, double Actual, double Expected, double? CurrentValue, double? BaselineValue)
{
    public override string ToString() => string.Join(" & ", Conjunction.Select(p => $"{p.Key}={p.Value}"));
}

/// <summary>A narrower segment's own alert on the same metric: its segment (<c>dim=value;…</c>), value, expected value and score.</summary>
public sealed record NarrowerAlert(string Segment, double? Value, double? Expected, double Score);

/// <summary>Mix vs rate along <see cref="Dimension"/>: <see cref="Mix"/> + <see cref="Rate"/> = <see cref="Change"/> exactly.</summary>
public sealed record MixRateSplit(string Dimension, double Change, double Mix, double Rate, IReadOnlyList<MixRateSegment> Segments);

/// <summary>One segment's part of a mix/rate split.</summary>
public sealed record MixRateSegment(string Value, double BaselineShare, double CurrentShare, double BaselineRate, double CurrentRate, double Mix, double Rate);
