using System.Collections;
using ModScope.Query;

namespace ModScope.Web.Hardening;

/// <summary>
/// Watches one request's statements as the engine returns them (<see cref="CappedEngine"/>) and stops the request as
/// soon as its answer is sure to be over <see cref="ResultLimit"/>, before any row is evaluated: every row of an
/// aggregate statement of the request's own plan is a group of each requested metric the statement serves (the
/// evaluator answers a metric for every group any of its aggregates has), so the answer has at least, for each
/// requested metric, as many rows as its largest statement. Which metrics a statement serves is read from the plans:
/// a metric's atoms (the <see cref="PlannedStatement.Outputs"/> of its own one-metric plan) among the statement's.
/// All statements together (comparison periods, QA strata, rating pairs) may also return at most
/// <see cref="ResultLimit.MaxEngineRows"/> rows.
/// </summary>
internal sealed class AnswerGuard
{
    private readonly ResultLimit _limit;
    private readonly MetricRequest _request;
    private readonly List<(PlannedStatement Statement, int[] Metrics)> _statements;
    private readonly long[] _largest;
    private readonly object _gate = new();
    private long _engineRows;

    public AnswerGuard(ResultLimit limit, MetricQuery query, MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        _limit = limit;
        _request = request;
        var atoms = request.Metrics.Select(m => query.Plan(request with { Metrics = [m], Comparison = Comparison.None })
            .Statements.Where(s => s.Kind == StatementKind.Aggregates).SelectMany(s => s.Outputs).ToHashSet(StringComparer.Ordinal)).ToList();
        _statements = query.Plan(request).Statements.Where(s => s.Kind == StatementKind.Aggregates)
            .Select(s => (s, Enumerable.Range(0, atoms.Count).Where(m => atoms[m].Overlaps(s.Outputs)).ToArray())).ToList();
        _largest = new long[request.Metrics.Count];
    }

    /// <summary>Counts a statement's rows; throws <see cref="ResultTooLargeException"/> once a cap is sure to be crossed.</summary>
    public void Inspect(string sql, IReadOnlyDictionary<string, object?> parameters, long rows)
    {
        lock (_gate)
        {
            _engineRows += rows;
            if (_engineRows > _limit.MaxEngineRows)
            {
                throw _limit.TooManyEngineRows(_engineRows);
            }
            foreach (var (statement, metrics) in _statements.Where(s => s.Statement.Sql == sql && Same(s.Statement.Parameters, parameters)))
            {
                foreach (var m in metrics)
                {
                    _largest[m] = Math.Max(_largest[m], rows);
                }
            }
            var floor = _largest.Sum();
            if (floor > _limit.MaxRows(_request))
            {
                throw _limit.TooLarge(_request, floor, atLeast: true);
            }
        }
    }

    /// <summary>The same parameter values (lists compared item by item): the statement of this request's period, not of its comparison.</summary>
    private static bool Same(IReadOnlyDictionary<string, object?> planned, IReadOnlyDictionary<string, object?> given) =>
        planned.Count == given.Count && planned.All(p => given.TryGetValue(p.Key, out var value) && (Equals(p.Value, value)
            || (p.Value is IEnumerable a and not string && value is IEnumerable b and not string && a.Cast<object?>().SequenceEqual(b.Cast<object?>()))));
}
