using ModScope.Monitor.Quality;
using ModScope.Tests.Support;
using static ModScope.Tests.Monitor.Quality.QualityStore;

namespace ModScope.Tests.Monitor.Quality;

public sealed class DuplicateIdsCheckTests : IDisposable
{
    private static readonly DateOnly Thursday = new(2026, 8, 20);

    private readonly QualityStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_file_that_replaced_a_whole_day_of_a_site_is_a_redelivery_and_a_small_correction_is_not()
    {
        await _store.LoadAsync();
        var redelivery = await _store.LoadFileAsync("decisions-redelivery.csv", DecisionRows.Header,
            Enumerable.Range(0, 40).Select(i => Decision(Kul, Thursday, i, version: 2)), new DateTime(2026, 8, 21, 5, 0, 0));
        var correction = await _store.LoadFileAsync("decisions-correction.csv", DecisionRows.Header,
            Enumerable.Range(0, 5).Select(i => Decision(Aus, Thursday, i, version: 2)), new DateTime(2026, 8, 21, 6, 0, 0));
        Assert.Equal((40, 5), (redelivery.RowsReplaced, correction.RowsReplaced));

        var finding = Assert.Single(await _store.RunAsync());

        // 40 of 40 rows replaced (100%) > 20%; the correction's 5 are fewer than the 10-row minimum.
        Assert.Equal((QualityCheckKind.DuplicateIds, QualitySeverity.Warning, "decisions", "file = decisions-redelivery.csv", (DateOnly?)new DateOnly(2026, 8, 21)),
            (finding.Check, finding.Severity, finding.Source, finding.Segment, finding.Day));
        Assert.Equal(1.0, finding.Observed);
        Assert.Equal(0.2, finding.Threshold);
        Assert.Contains("replaced 40 of its 40 rows", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_keys_in_an_event_table_are_critical()
    {
        await _store.LoadAsync();
        _store.Execute("INSERT INTO decisions SELECT * FROM decisions WHERE decision_id = 'AUTO-20260801-0'");
        _store.Execute("INSERT INTO decisions SELECT * FROM decisions WHERE decision_id IN ('AUTO-20260801-0', 'AUTO-20260801-1')");

        var finding = Assert.Single(await _store.RunAsync());

        // AUTO-20260801-0: 1 row, 2 after the first copy, 4 after the second (3 extra); AUTO-20260801-1: 2 rows (1 extra).
        Assert.Equal((QualityCheckKind.DuplicateIds, QualitySeverity.Critical, "key = decision_id", 2.0),
            (finding.Check, finding.Severity, finding.Segment, finding.Observed));
        Assert.Contains("(4 extra rows, e.g. 'AUTO-20260801-0')", finding.Message, StringComparison.Ordinal);
    }
}
