using ModScope.Catalog;
using ModScope.Stats;

namespace ModScope.Query;

/// <summary>Computes each metric's value for one group key from the statement rows.</summary>
/// <param name="quantileIntervals">Whether the request asked for quantile intervals (a sketch gives them from its buckets).</param>
internal sealed class Evaluator(MetricCatalog catalog, StatementRows rows, double confidence, bool quantileIntervals = false)
{
    // Evaluated once per group key: keep the per-definition work (atom keys, source sets) out of that loop.
    private readonly Dictionary<MeasureDefinition, string> _atomKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, bool> _sameSource = new(StringComparer.Ordinal);

    /// <summary>The keys with any data for a metric (or the metrics it derives from).</summary>
    public IEnumerable<string> KeysOf(MetricDefinition metric)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var atom in QueryPlanner.Atoms(metric))
        {
            keys.UnionWith(rows.Atoms.GetValueOrDefault(atom.Key)?.Keys ?? Enumerable.Empty<string>());
            if (rows.Sketches.TryGetValue(atom.Key, out var sketched))
            {
                // Raw, a quantile has a (maybe empty) value in every group of its source's aggregates statement.
                keys.UnionWith(sketched.Keys);
                keys.UnionWith(rows.Atoms.Where(a => atom.SameStatement(a.Key)).SelectMany(a => a.Value.Keys));
            }
        }
        keys.UnionWith(rows.Strata.GetValueOrDefault(metric.Id)?.Keys ?? Enumerable.Empty<string>());
        keys.UnionWith(rows.Pairs.GetValueOrDefault(metric.Id)?.Keys ?? Enumerable.Empty<string>());
        foreach (var id in new[] { metric.Numerator?.MetricId, metric.Denominator?.MetricId }.OfType<string>())
        {
            keys.UnionWith(KeysOf(catalog.Metric(id)));
        }
        return keys;
    }

    public Evaluation Evaluate(MetricDefinition metric, string key) => metric.Kind switch
    {
        MetricKind.Measure => Measure(metric.Measure!, key),
        MetricKind.Ratio => Ratio(metric, key),
        MetricKind.Proportion => Proportion(metric, key),
        _ => Agreement(metric, key),
    };

    private Evaluation Measure(MeasureDefinition measure, string key)
    {
        if (!_atomKeys.TryGetValue(measure, out var atomKey))
        {
            _atomKeys[measure] = atomKey = Atom.Of(measure).Key;
        }
        var value = rows.Atoms.GetValueOrDefault(atomKey)?.GetValueOrDefault(key);
        if (measure.Aggregate is AggregateFunction.Count or AggregateFunction.OpenAtEnd)
        {
            // A group with no row for a count has counted nothing.
            var count = value ?? 0;
            return new Evaluation(count, null, null, null, null, new TestBasis.Count((long)count));
        }
        if (measure.Quantile is { } q)
        {
            return rows.Sketches.TryGetValue(atomKey, out var sketches)
                ? Sketched(sketches.GetValueOrDefault(key), q)
                : new Evaluation(value, null, null, null, QuantileInterval(atomKey, key, q), TestBasis.None);
        }
        return value is { } v && Variance(measure, atomKey, key, v) is { } variance
            ? new Evaluation(v, null, null, null, NormalInterval(v, variance), new TestBasis.Estimate(v, variance))
            : new Evaluation(value, null, null, null, null, TestBasis.None);
    }

    /// <summary>
    /// The sampling variance of a mean or a sum, when the request asked for level errors (the count of values n and
    /// the sum of their squares S are in the rows). A mean x̄: s²/n with s² = (S − n·x̄²)/(n − 1), the rows treated as
    /// draws from the segment's distribution of values (central limit theorem; null below two values). A sum: S, the
    /// variance of a compound Poisson sum (the number of rows a day Poisson, each row's value drawn independently:
    /// Var = λ·E[X²], estimated by Σx²; Ross, Introduction to Probability Models, §5.4.2), e.g. a day's staffing cost
    /// over its moderator shifts, which moves by whole shifts.
    /// </summary>
    private double? Variance(MeasureDefinition measure, string atomKey, string key, double value)
    {
        if (!Atom.HasMoments(measure) || rows.Atoms.GetValueOrDefault(Atom.KeyOf(atomKey, AtomMoment.Count))?.GetValueOrDefault(key) is not { } n
            || rows.Atoms.GetValueOrDefault(Atom.KeyOf(atomKey, AtomMoment.Squares))?.GetValueOrDefault(key) is not { } squares)
        {
            return null;
        }
        if (measure.Aggregate == AggregateFunction.Sum)
        {
            return squares;
        }
        return n >= 2 ? Math.Max(0.0, squares - (n * value * value)) / (n - 1) / n : null;
    }

    private Interval NormalInterval(double value, double variance)
    {
        var half = Critical.TwoSidedZ(confidence) * Math.Sqrt(variance);
        return new Interval(value - half, value + half, confidence, "normal (standard error)");
    }

    /// <summary>
    /// Distribution-free interval for a quantile from its order statistics (Stats.Quantiles.OrderStatisticInterval),
    /// when the request asked for quantile intervals; null when a side is unbounded (too few values).
    /// </summary>
    private Interval? QuantileInterval(string atomKey, string key, double q)
    {
        if (rows.Ranks.GetValueOrDefault(atomKey)?.GetValueOrDefault(key) is not { } ranked || ranked.Size > int.MaxValue)
        {
            return null;
        }
        var ranks = Quantiles.OrderStatisticInterval((int)ranked.Size, q, confidence);
        return ranks is { Lower: { } lower, Upper: { } upper }
               && ranked.ValueAtRank.TryGetValue(lower, out var low) && ranked.ValueAtRank.TryGetValue(upper, out var high)
            ? new Interval(low, high, confidence, "order statistics (distribution-free)")
            : null;
    }

    /// <summary>
    /// A quantile from the rollup's log-bucket sketch: within <see cref="LogBucketSketch.RelativeError"/> of the raw value.
    /// Its interval, when asked for, takes the order-statistic ranks of the raw interval (<see cref="Quantiles.OrderStatisticInterval"/>
    /// over the same n) and reads their values from the sketch, so each bound is within the same relative error of the raw bound.
    /// </summary>
    private Evaluation Sketched(LogBucketSketch? sketch, double q)
    {
        if (sketch is null || sketch.Count == 0)
        {
            return Evaluation.Empty with { RelativeError = LogBucketSketch.RelativeError };
        }
        Interval? interval = null;
        if (quantileIntervals && sketch.Count <= int.MaxValue
            && Quantiles.OrderStatisticInterval((int)sketch.Count, q, confidence) is { Lower: { } lower, Upper: { } upper })
        {
            interval = new Interval(sketch.ValueAtRank(lower), sketch.ValueAtRank(upper), confidence,
                $"order statistics (distribution-free), from a log-bucket sketch (each bound within {LogBucketSketch.RelativeErrorText})");
        }
        return new Evaluation(sketch.Quantile(q), null, null, null, interval, TestBasis.None) { RelativeError = LogBucketSketch.RelativeError };
    }

    private Evaluation Operand(Operand operand, string key) =>
        operand.Measure is { } m ? Measure(m, key) : Evaluate(catalog.Metric(operand.MetricId!), key);

    private Evaluation Ratio(MetricDefinition metric, string key)
    {
        var numerator = Operand(metric.Numerator!, key);
        var denominator = Operand(metric.Denominator!, key);
        if (numerator.Value is not { } n || denominator.Value is not { } d || d == 0)
        {
            return new Evaluation(null, numerator.Value, denominator.Value, null, null, TestBasis.None);
        }
        // A ratio of two counts where the numerator counts a subset is a census proportion (binomial);
        // other ratios (hours, costs, counts from different sources) have no test here.
        var basis = numerator.Basis is TestBasis.Count x && denominator.Basis is TestBasis.Count y && x.Events <= y.Events && SameSource(metric)
            ? new TestBasis.Binomial(x.Events, y.Events)
            : TestBasis.None;
        if (basis is TestBasis.NoTest && !SameSource(metric) && RelativeVariance(numerator) is { } rn && RelativeVariance(denominator) is { } rd
            && (numerator.Basis is TestBasis.Estimate || denominator.Basis is TestBasis.Estimate))
        {
            // Ratio of estimates from different sources, taken as independent: delta method,
            // Var(N/D) ≈ (N/D)² (Var N / N² + Var D / D²) (Casella and Berger 2002, §5.5.4).
            var variance = (n / d) * (n / d) * (rn + rd);
            return new Evaluation(n / d, n, d, null, NormalInterval(n / d, variance), new TestBasis.Estimate(n / d, variance));
        }
        return new Evaluation(n / d, n, d, null, null, basis);
    }

    /// <summary>Var / value² of an operand with a known variance: an estimate's, or a count's (Poisson: the count).</summary>
    private static double? RelativeVariance(Evaluation operand) => operand switch
    {
        { Value: { } v } when v == 0 => null,
        { Value: { } v, Basis: TestBasis.Estimate e } => e.Variance / (v * v),
        { Value: { } v, Basis: TestBasis.Count c } => c.Events / (v * v),
        _ => null,
    };

    private bool SameSource(MetricDefinition metric)
    {
        if (!_sameSource.TryGetValue(metric.Id, out var same))
        {
            var byId = catalog.Metrics.ToDictionary(m => m.Id);
            _sameSource[metric.Id] = same = CatalogValidator.Sources(metric, byId).Distinct().Count() == 1;
        }
        return same;
    }

    /// <summary>
    /// Stratified QA proportion. Point estimate: the Hájek ratio Σ_h (N_h/n_h) y_h / Σ_h (N_h/n_h) x_h, where x_h
    /// audits of stratum h fall in the metric's domain and y_h of them succeed (Särndal et al. 1992, §5.7).
    /// Interval: the stratified estimator with each stratum's domain size estimated as N_h·x_h/n_h (treating it
    /// as known, which slightly understates the variance when a domain cuts across strata).
    /// </summary>
    private Evaluation Proportion(MetricDefinition metric, string key)
    {
        var strata = rows.Strata.GetValueOrDefault(metric.Id)?.GetValueOrDefault(key)?.Where(s => s.Domain > 0 && s.SampleSize > 0).ToList();
        if (strata is null || strata.Count == 0)
        {
            return Evaluation.Empty;
        }
        var weightedSuccesses = strata.Sum(s => (double)s.Population / s.SampleSize * s.Successes);
        var weightedDomain = strata.Sum(s => (double)s.Population / s.SampleSize * s.Domain);
        var value = weightedSuccesses / weightedDomain;
        var estimate = StratifiedProportion.Estimate(strata.Select(s => new Stratum(s.Stratum,
            Math.Max(s.Domain, (long)Math.Round((double)s.Population * s.Domain / s.SampleSize)), s.Domain, s.Successes)).ToList(), confidence);
        return new Evaluation(value, weightedSuccesses, weightedDomain, strata.Sum(s => s.Domain), estimate.Interval,
            new TestBasis.Estimate(value, estimate.Variance)) { EffectiveSampleSize = estimate.EffectiveSampleSize };
    }

    private Evaluation Agreement(MetricDefinition metric, string key)
    {
        var cells = rows.Pairs.GetValueOrDefault(metric.Id)?.GetValueOrDefault(key);
        if (cells is null || cells.Count == 0)
        {
            return Evaluation.Empty;
        }
        // In a fixed order: the standard error's rounding (near 0 when every pair agrees) then does not depend on the
        // order the engine returned the cells in (raw rows, the rollup, another engine).
        var kappa = CohensKappa.FromCounts([.. cells.OrderBy(c => c.A, StringComparer.Ordinal).ThenBy(c => c.B, StringComparer.Ordinal)], confidence);
        var basis = kappa is { Kappa: { } k, StandardError: { } se } ? new TestBasis.Estimate(k, se * se) : TestBasis.None;
        return new Evaluation(kappa.Kappa, null, null, kappa.Items, kappa.Interval, basis);
    }
}
