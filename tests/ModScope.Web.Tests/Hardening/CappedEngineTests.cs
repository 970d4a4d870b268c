using ModScope.Catalog;
using ModScope.Model;
using ModScope.Query;
using ModScope.Web.Hardening;

namespace ModScope.Web.Tests.Hardening;

/// <summary>
/// The engine a dashboard request runs on (<see cref="CappedEngine"/>) passes the store's rollup state to the door, so
/// the dashboard answers from the rollup what the door would (it once hid it: every dashboard request read raw).
/// </summary>
public sealed class CappedEngineTests
{
    [Fact]
    public void The_door_sees_the_rollup_state_of_the_engine_it_wraps()
    {
        var catalog = CatalogLoader.LoadDefault();
        var state = new RollupState("daily", "a-layout-of-another-catalogue", "UTC", 3, 3);
        var engine = new StateOnlyEngine(state);
        var request = new MetricRequest(["decision_volume"], ["market"], TimeGrain.Day, [],
            new Period(new DateTime(2026, 9, 21), new DateTime(2026, 9, 28), "UTC", "week"));
        // Through the port, as the door calls it (the interface's default answers no rollup).
        IMetricEngine capped = new CappedEngine(engine, new AnswerGuard(new ResultLimit(1_000_000), new MetricQuery(catalog, engine), request));

        Assert.Same(state, capped.Rollup("daily"));
        // The plan through the capped engine reads the state (a stale layout here, so raw, saying why), not "no rollup".
        Assert.Equal(new MetricQuery(catalog, engine).Plan(request).Answered, new MetricQuery(catalog, capped).Plan(request).Answered);
        Assert.StartsWith("raw: rollup daily was built for another catalogue", new MetricQuery(catalog, capped).Plan(request).Answered, StringComparison.Ordinal);
    }

    /// <summary>An engine that only states a rollup (planning needs nothing else of it).</summary>
    private sealed class StateOnlyEngine(RollupState state) : IMetricEngine
    {
        public ISqlDialect Dialect => DuckDbDialect.Instance;

        public ReferenceData Reference => ReferenceData.Shipped;

        public RollupState? Rollup(string name) => name == state.Name ? state : null;

        public Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<object?[]>>([]);
    }
}
