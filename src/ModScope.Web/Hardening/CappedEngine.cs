using ModScope.Engines;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.Web.Hardening;

/// <summary>
/// The engine as one request sees it: each statement's rows are shown to the request's <see cref="AnswerGuard"/>,
/// which stops the request before they are evaluated, formatted, sent or cached once its answer is sure to be too
/// large. The engine still reads that statement's rows in full: the port returns rows as a list, so this is as early
/// as the web layer can stop.
/// </summary>
internal sealed class CappedEngine(IMetricEngine engine, AnswerGuard guard) : IMetricEngine
{
    public ISqlDialect Dialect => engine.Dialect;

    public ReferenceData Reference => engine.Reference;

    /// <summary>The store's rollup as the engine says (without it the interface's default, none, had every dashboard request read raw).</summary>
    public RollupState? Rollup(string name) => engine.Rollup(name);

    /// <summary>The tables' first days as the engine says (without it the default, none, left every comparison unmarked).</summary>
    public IReadOnlyDictionary<string, DateTime> FirstDays => engine.FirstDays;

    public async Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default)
    {
        var rows = await engine.QueryAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
        guard.Inspect(sql, parameters, rows.Count);
        return rows;
    }
}
