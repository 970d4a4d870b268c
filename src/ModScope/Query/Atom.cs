using ModScope.Catalog;

namespace ModScope.Query;

/// <summary>
/// One aggregate a request needs (metrics that share a measure share its atom). <see cref="Key"/> is
/// its canonical text, also its identity. A <see cref="Moment"/> other than the value is a helper aggregate of the
/// same measure's values (for its standard error).
/// </summary>
internal sealed record Atom(string Key, MeasureDefinition Measure, AtomMoment Moment = AtomMoment.Value)
{
    public static Atom Of(MeasureDefinition m, AtomMoment moment = AtomMoment.Value) => new(
        KeyOf(string.Join("|", m.Source, m.Time, m.Aggregate, m.Value?.ToString(), Conditions(m), m.Opened, m.Closed), moment),
        m,
        moment);

    /// <summary>The values the atom aggregates (source, dating, value, conditions), whatever the aggregate: quantiles alike here rank the same values.</summary>
    public string ValuesKey => string.Join("|", Measure.Source, Measure.Time, Measure.Value?.ToString(), Conditions(Measure));

    /// <summary>Whether <paramref name="otherKey"/> is the key of an atom of the same source and dating column (one aggregates statement).</summary>
    public bool SameStatement(string otherKey) => otherKey.StartsWith($"{Measure.Source}|{Measure.Time}|", StringComparison.Ordinal);

    private static string Conditions(MeasureDefinition m) => string.Join(" & ", m.Where.Select(c => c.ToString()));

    /// <summary>The key of a moment of the measure whose value atom has key <paramref name="valueKey"/>.</summary>
    public static string KeyOf(string valueKey, AtomMoment moment) => moment == AtomMoment.Value ? valueKey : valueKey + "|#" + moment;

    /// <summary>Whether a request for level errors adds moments for this measure: a mean or a sum of a value.</summary>
    public static bool HasMoments(MeasureDefinition m) => m.Aggregate is AggregateFunction.Avg or AggregateFunction.Sum && m.Value is not null && m.Quantile is null;
}

/// <summary>What an atom aggregates over its measure's rows.</summary>
internal enum AtomMoment
{
    /// <summary>The measure's own aggregate.</summary>
    Value,

    /// <summary>How many rows have a value.</summary>
    Count,

    /// <summary>The sum of the squared values.</summary>
    Squares,
}
