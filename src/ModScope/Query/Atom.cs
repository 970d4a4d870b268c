using ModScope.Catalog;

namespace ModScope.Query;

/// <summary>
/// One aggregate a request needs (metrics that share a measure share its atom). <see cref="Key"/> is
/// its canonical text, also its identity.
/// </summary>
internal sealed record Atom(string Key, MeasureDefinition Measure)
{
    public static Atom Of(MeasureDefinition m) => new(
        string.Join("|", m.Source, m.Time, m.Aggregate, m.Value?.ToString(), string.Join(" & ", m.Where.Select(c => c.ToString())), m.Opened, m.Closed),
        m);
}
