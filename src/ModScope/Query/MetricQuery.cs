using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Stats;

namespace ModScope.Query;

/// <summary>
/// Answers metric requests: plan, run on the engine, evaluate each metric per group, and compare with the
/// comparison period (aligned bucket by bucket, dimension values by value) with a significance test where
/// one applies.
/// </summary>
public sealed class MetricQuery(MetricCatalog catalog, IMetricEngine engine)
{
    public QueryPlan Plan(MetricRequest request) => new QueryPlanner(catalog, engine.Dialect).Plan(request);

    public async Task<IReadOnlyList<MetricResult>> RunAsync(MetricRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Comparison == Comparison.None)
        {
            return current.Select(c => c.Result).ToList();
        }
        var baseline = request with { Period = PeriodParser.Compare(request.Period, request.Comparison) };
        var previous = (await EvaluateAsync(baseline, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Alignment, StringComparer.Ordinal);
        var exposure = (request.Period.Length.TotalHours, baseline.Period.Length.TotalHours);
        return current.Select(c => previous.TryGetValue(c.Alignment, out var p) ? Compare(c, p, exposure, request.Confidence) : c.Result).ToList();
    }

    private async Task<List<Evaluated>> EvaluateAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        var plan = Plan(request);
        // Statements are independent: run them side by side (the engine gives each its own connection).
        var results = await Task.WhenAll(plan.Statements.Select(statement =>
            Task.Run(() => engine.QueryAsync(statement.Sql, statement.Parameters, cancellationToken), cancellationToken))).ConfigureAwait(false);
        var rows = new StatementRows();
        for (var i = 0; i < plan.Statements.Count; i++)
        {
            rows.Add(plan.Statements[i], results[i], request.Grain != TimeGrain.None);
        }
        var evaluator = new Evaluator(catalog, rows, request.Confidence);
        var bucketIndex = Buckets.Within(request.Period, request.Grain).Select((b, i) => (b.Start, i)).ToDictionary(b => b.Start, b => b.i);
        var evaluated = new List<Evaluated>();
        foreach (var id in request.Metrics)
        {
            var metric = catalog.Metric(id);
            foreach (var key in evaluator.KeysOf(metric))
            {
                var (bucket, values) = rows.Keys[key];
                var evaluation = evaluator.Evaluate(metric, key);
                var dimensions = request.Dimensions.Select((d, i) => (d, values[i])).ToDictionary(x => x.d, x => x.Item2);
                var index = bucket is { } b && bucketIndex.TryGetValue(b, out var i) ? i : 0;
                evaluated.Add(new Evaluated(
                    new MetricResult(id, bucket, dimensions, evaluation.Value, evaluation.Numerator, evaluation.Denominator, evaluation.SampleSize, evaluation.Interval)
                    {
                        EffectiveSampleSize = evaluation.EffectiveSampleSize,
                    },
                    evaluation.Basis,
                    $"{id}\u001f{index}\u001f{string.Join("\u001f", values.Select(v => v ?? "\u0000"))}"));
            }
        }
        var order = request.Metrics.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i, StringComparer.Ordinal);
        return evaluated.OrderBy(r => order[r.Result.Metric]).ThenBy(r => r.Result.Bucket)
            .ThenBy(r => string.Join("\u001f", r.Result.Dimensions.Values), StringComparer.Ordinal).ToList();
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

    private sealed record Evaluated(MetricResult Result, TestBasis Basis, string Alignment);
}
