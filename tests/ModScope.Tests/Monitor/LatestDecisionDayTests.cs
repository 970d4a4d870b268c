using ModScope.Ingest;
using ModScope.Engines;
using ModScope.Monitor.Quality;
using ModScope.Tests.Support;
using static ModScope.Tests.Support.DecisionRows;

namespace ModScope.Tests.Monitor;

/// <summary>
/// "The day after the newest decision" (the dashboard's now, the monitor's default as-of) exists whatever a store
/// loaded before the time window holds: days at the calendar's edges are passed over instead of overflowing.
/// </summary>
public sealed class LatestDecisionDayTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData("TIMESTAMP '9999-12-31 23:59:59'")]
    [InlineData("TIMESTAMP '294247-01-01 00:00:00'")]
    [InlineData("'infinity'::TIMESTAMP")]
    [InlineData("TIMESTAMP '0001-01-01 00:00:00'")]
    public async Task A_day_at_the_calendar_edge_is_passed_over(string edge)
    {
        await new Ingestor(_store.Store).IngestAsync([WriteCsv(_store.File("decisions-a.csv"), Header, [Valid(1), Valid(2)])], new IngestOptions());
        // As a store loaded before the window held such rows.
        using (var connection = _store.Store.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"INSERT INTO decisions SELECT * REPLACE ('DX' AS decision_id, {edge} AS decided_at) FROM decisions LIMIT 1";
            command.ExecuteNonQuery();
        }

        using var engine = new DuckDbEngine(_store.Store);
        var latest = await EngineWatermarks.LatestDecisionDayAsync(engine);

        // Valid rows are decided on 2026-08-24; the day after it can be taken.
        Assert.Equal(new DateOnly(2026, 8, 24), latest);
        Assert.Equal(new DateOnly(2026, 8, 25), latest!.Value.AddDays(1));
    }
}
