using ModScope.Catalog;

namespace ModScope.Query.Rollups;

/// <summary>
/// One table of a rollup: the rows of one planned statement (aggregates, QA strata or agreement pairs) of one source
/// and dating column at day grain × the rollup's dimensions that source carries. Its columns are the statement's:
/// <c>k0</c> the local day, <c>k1…</c> the dimensions, <c>v0…</c> the values.
/// </summary>
/// <param name="Name">The store table.</param>
/// <param name="Outputs">Aggregates: the atom key of each value column. Strata: the metric ids, in column order. Pairs: the metric id. Sketch: the values key of its quantiles.</param>
/// <param name="BuildFrom">
/// The statement that computes the table's rows for a period (whole local days of the rollup's zone), from the stored
/// rows or, for a kind whose rows count on their own (<see cref="RowLocal"/>), from the rows a subquery gives.
/// </param>
internal sealed record RollupTable(
    string Name,
    StatementKind Kind,
    string Source,
    string Time,
    IReadOnlyList<DimensionDefinition> Dimensions,
    IReadOnlyList<string> Outputs,
    Func<Period, string?, PlannedStatement> BuildFrom)
{
    /// <summary>The statement that computes the table's rows for a period from every stored row.</summary>
    public PlannedStatement Build(Period period) => BuildFrom(period, null);

    /// <summary>
    /// Whether each source row adds to its own group only (aggregates, openings, sketches): then the rows of days no
    /// other row falls on are those days' whole table rows. QA strata and pairs number each decision's audits across
    /// the table, so a subset of rows would number them differently.
    /// </summary>
    public bool RowLocal => Kind is StatementKind.Aggregates or StatementKind.Openings or StatementKind.Sketch;

    /// <summary>The column of a dimension (<c>k1…</c>), or null when the table does not carry it.</summary>
    public string? DimensionColumn(string dimensionId)
    {
        var index = Dimensions.ToList().FindIndex(d => d.Id == dimensionId);
        return index < 0 ? null : "k" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The value column holding an output (<c>v…</c>), or null.</summary>
    public string? ValueColumn(string output, int offset = 0, int stride = 1)
    {
        var index = Outputs.ToList().IndexOf(output);
        return index < 0 ? null : "v" + (offset + index * stride).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
