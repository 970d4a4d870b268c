using ModScope.Catalog;
using ModScope.Model;
using ModScope.Stats;

namespace ModScope.Query;

/// <summary>
/// Answers metric requests: plan, run on the engine, evaluate each metric per group, and compare with the
/// comparison period (aligned bucket by bucket, dimension values by value) with a significance test where
/// one applies.
/// </summary>
public sealed class MetricQuery(MetricCatalog catalog, IMetricEngine engine)
{
    /// <summary>The scope every request of this door is answered within (see <see cref="Within"/>).</summary>
    private AccessScope _scope = AccessScope.Everything;

    /// <summary>The catalogue requests are answered from (its roles name the metrics library logic asks for).</summary>
    public MetricCatalog Catalog => catalog;

    /// <summary>The engine's reference data (see <see cref="IMetricEngine.Reference"/>).</summary>
    public ReferenceData Reference => engine.Reference;

    /// <summary>
    /// Plans a request: its scope becomes mandatory filters first (<see cref="ScopeFilters"/>); its filter values are
    /// checked against the engine's reference data within the scope (read only when it has filters or a scope), and a
    /// scoped request's SQL is written by the dialect <see cref="ISqlDialect.Reaching"/> only the scope's reference rows.
    /// </summary>
    public QueryPlan Plan(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = _scope.IsLimited ? request with { Scope = _scope } : request;
        var (scoped, visible) = ScopeFilters.Apply(request, catalog, request.Filters.Count > 0 || request.Scope.IsLimited ? engine.Reference : null);
        var dialect = request.Scope.IsLimited && visible is not null ? engine.Dialect.Reaching(visible) : engine.Dialect;
        return new QueryPlanner(catalog, dialect, visible, engine.Rollup).Plan(scoped);
    }

    /// <summary>
    /// The same door for a caller limited to <paramref name="scope"/>: every request it answers gets that scope (in place
    /// of its own), so a consumer that builds its own requests (a report, an explanation) needs no code for it.
    /// </summary>
    public MetricQuery Within(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return new MetricQuery(catalog, engine) { _scope = scope };
    }

    public async Task<IReadOnlyList<MetricResult>> RunAsync(MetricRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await EvaluateAsync(request, request.Comparison != Comparison.None, cancellationToken).ConfigureAwait(false);
        if (request.Comparison == Comparison.None)
        {
            return current.Select(c => c.Result).ToList();
        }
        var baseline = request with { Period = PeriodParser.Compare(request.Period, request.Comparison) };
        var previous = (await EvaluateAsync(baseline, true, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Alignment!, StringComparer.Ordinal);
        var exposure = (request.Period.Length.TotalHours, baseline.Period.Length.TotalHours);
        var coverage = new CoverageRule(catalog, engine.FirstDays, request, baseline.Period);
        return current.Select(c =>
        {
            var compared = previous.TryGetValue(c.Alignment!, out var p) ? Compare(c, p, exposure, request.Confidence) : c.Result;
            return coverage.For(c.Result.Metric, c.Result.Bucket) is { } partial ? Partial(compared, partial) : compared;
        }).ToList();
    }

    /// <summary>
    /// A comparison over a period the data only partly covers: it carries the coverage; where the metric does not compare
    /// on the covered days (<see cref="ComparisonCoverage.Comparable"/>), no change and no test, so a count over 23 of 56
    /// days is never read as a fall or a rise. The previous value stays (what the covered days hold).
    /// </summary>
    private static MetricResult Partial(MetricResult result, ComparisonCoverage coverage) =>
        coverage.Comparable
            ? result with { Coverage = coverage }
            : result with { Coverage = coverage, AbsoluteChange = null, RelativeChange = null, Significant = null, PValue = null };

    /// <summary>
    /// Runs <paramref name="request"/> once so that slicings of it (<see cref="MetricSlice"/>: fewer of its dimensions,
    /// one value of others, whole days as one bucket) are answered from its groups without another statement, where
    /// that is exact (QA strata: see <see cref="RequestSlices"/>). Any other request is not run here: each slice then
    /// runs as its own request. For callers asking one metric many ways over the same rows (the monitor's explanation of
    /// a QA alert: the total, each dimension, each leading value by each other dimension), one scan instead of one per slicing.
    /// </summary>
    public async Task<RequestSlices> SlicesAsync(MetricRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Comparison != Comparison.None)
        {
            return new RequestSlices(this, request, null, null);
        }
        var plan = Plan(request);
        if (plan.Statements.Any(s => s.Kind != StatementKind.Strata))
        {
            return new RequestSlices(this, request, null, null);
        }
        var results = await RunStatementsAsync(plan.Statements, cancellationToken).ConfigureAwait(false);
        return new RequestSlices(this, request, plan.Statements, results);
    }

    /// <param name="align">Also key each row for lining it up with a comparison period (bucket by position).</param>
    private async Task<List<Evaluated>> EvaluateAsync(MetricRequest request, bool align, CancellationToken cancellationToken)
    {
        var plan = Plan(request);
        var results = await RunStatementsAsync(plan.Statements, cancellationToken).ConfigureAwait(false);
        return Evaluate(request, plan.Statements, results, align);
    }

    /// <summary>Evaluates each metric per group from the rows of <paramref name="statements"/>, sorted as results are.</summary>
    internal List<Evaluated> Evaluate(MetricRequest request, IReadOnlyList<PlannedStatement> statements, IReadOnlyList<IReadOnlyList<object?[]>> results, bool align)
    {
        var rows = new StatementRows();
        for (var i = 0; i < statements.Count; i++)
        {
            rows.Add(statements[i], results[i], request.Grain != TimeGrain.None);
        }
        var evaluator = new Evaluator(catalog, rows, request.Confidence, request.QuantileIntervals);
        var bucketIndex = new Dictionary<DateTime, int>();
        foreach (var (start, _) in Buckets.Within(request.Period, request.Grain))
        {
            bucketIndex.TryAdd(start, bucketIndex.Count);
        }
        var evaluated = new List<Evaluated>();
        var alignment = new System.Text.StringBuilder();
        // Rows with the same dimension values share one (read-only) dictionary of them.
        var dimensionSets = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        for (var m = 0; m < request.Metrics.Count; m++)
        {
            var id = request.Metrics[m];
            var metric = catalog.Metric(id);
            foreach (var key in evaluator.KeysOf(metric))
            {
                var (bucket, values) = rows.Keys[key];
                var evaluation = evaluator.Evaluate(metric, key);
                var dimensionOrder = string.Join('\u001f', values);
                // (The sort key reads a null value as empty; the set key keeps null apart.)
                var setKey = Array.IndexOf(values, null) < 0 ? dimensionOrder : string.Join('\u001f', values.Select(v => v ?? "\u0000"));
                if (!dimensionSets.TryGetValue(setKey, out var dimensions))
                {
                    var set = new Dictionary<string, string?>(values.Length);
                    for (var i = 0; i < values.Length; i++)
                    {
                        set.Add(request.Dimensions[i], values[i]);
                    }
                    dimensionSets[setKey] = dimensions = set;
                }
                string? aligned = null;
                if (align)
                {
                    alignment.Clear().Append(id).Append('\u001f')
                        .Append(bucket is { } b && bucketIndex.TryGetValue(b, out var index) ? index : 0);
                    foreach (var value in values)
                    {
                        alignment.Append('\u001f').Append(value ?? "\u0000");
                    }
                    aligned = alignment.ToString();
                }
                evaluated.Add(new Evaluated(
                    new MetricResult(id, bucket, dimensions, evaluation.Value, evaluation.Numerator, evaluation.Denominator, evaluation.SampleSize, evaluation.Interval)
                    {
                        EffectiveSampleSize = evaluation.EffectiveSampleSize,
                        RelativeError = evaluation.RelativeError,
                    },
                    evaluation.Basis,
                    aligned,
                    m,
                    dimensionOrder,
                    evaluated.Count));
            }
        }
        // In request order of metrics, then by bucket (none first), then by dimension values; stable.
        evaluated.Sort(static (x, y) =>
        {
            var order = x.MetricOrder.CompareTo(y.MetricOrder);
            if (order == 0)
            {
                order = Nullable.Compare(x.Result.Bucket, y.Result.Bucket);
            }
            if (order == 0)
            {
                order = string.CompareOrdinal(x.DimensionOrder, y.DimensionOrder);
            }
            return order == 0 ? x.Sequence.CompareTo(y.Sequence) : order;
        });
        return evaluated;
    }

    /// <summary>
    /// Runs a plan's statements: all are started, then awaited. An engine that does its work asynchronously
    /// (ClickHouse over HTTP) has them in flight together; the embedded DuckDB engine runs each on the calling
    /// thread, one after the other, each on all cores: two statements side by side there only compete for the
    /// same cores (a thread hop and more CPU time for no gain).
    /// </summary>
    private async Task<IReadOnlyList<object?[]>[]> RunStatementsAsync(IReadOnlyList<PlannedStatement> statements, CancellationToken cancellationToken)
    {
        var started = new List<Task<IReadOnlyList<object?[]>>>(statements.Count);
        try
        {
            foreach (var statement in statements)
            {
                started.Add(engine.RunAsync(statement.Purpose, statement.Sql, statement.Parameters, cancellationToken));
            }
        }
        catch
        {
            // Never leave a started statement running behind a failure to start the next.
            await ((Task)Task.WhenAll(started)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        return await Task.WhenAll(started).ConfigureAwait(false);
    }

    private static MetricResult Compare(Evaluated current, Evaluated previous, (double Current, double Previous) exposure, double confidence)
    {
        var result = current.Result with { ComparisonValue = previous.Result.Value };
        if (current.Result.Value is not { } now || previous.Result.Value is not { } then)
        {
            return result;
        }
        Significance? test = (current.Basis, previous.Basis) switch
        {
            (TestBasis.Binomial a, TestBasis.Binomial b) when a.Trials > 0 && b.Trials > 0 =>
                ProportionTest.TwoProportion(a.Successes, a.Trials, b.Successes, b.Trials, confidence),
            (TestBasis.Estimate a, TestBasis.Estimate b) when a.Variance + b.Variance > 0 =>
                EstimateTest.Difference(a.Value, a.Variance, b.Value, b.Variance, confidence),
            (TestBasis.Count a, TestBasis.Count b) => PoissonRateTest.Compare(a.Events, exposure.Current, b.Events, exposure.Previous, confidence),
            _ => null,
        };
        return result with
        {
            AbsoluteChange = now - then,
            RelativeChange = then == 0 ? null : (now - then) / Math.Abs(then),
            Significant = test?.IsSignificant(1 - confidence),
            PValue = test?.PValue,
        };
    }

    /// <param name="Alignment">The row's group in a comparison (set only when the request has one).</param>
    /// <param name="MetricOrder">The metric's place in the request.</param>
    /// <param name="DimensionOrder">The dimension values joined, for sorting.</param>
    /// <param name="Sequence">The place in evaluation order, so sorting is stable.</param>
    internal sealed record Evaluated(MetricResult Result, TestBasis Basis, string? Alignment, int MetricOrder, string DimensionOrder, int Sequence);
}
