using ModScope.Monitor.Quality;
using ModScope.Tests.Support;
using static ModScope.Tests.Monitor.Quality.QualityStore;

namespace ModScope.Tests.Monitor.Quality;

public sealed class LateArrivalCheckTests : IDisposable
{
    private readonly QualityStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Rows_loaded_five_days_after_they_happened_are_reported_for_their_load_day()
    {
        await _store.LoadAsync();
        var saturday = new DateOnly(2026, 8, 15);
        await _store.LoadFileAsync("decisions-late.csv", DecisionRows.Header,
            Enumerable.Range(0, 30).Select(i => Decision(Automated, saturday, i, id: $"LATE-{i}")), new DateTime(2026, 8, 20, 3, 0, 0));

        var finding = Assert.Single(await _store.RunAsync());

        // Loaded on 08-20: Wednesday's daily file (140 rows, 1 day old) and the 30 late rows (5 days old > 2).
        // Saturday's volume becomes 138 against 108 (+27.8%): within the limits.
        Assert.Equal((QualityCheckKind.LateArrival, QualitySeverity.Warning, "decisions", "all rows", (DateOnly?)new DateOnly(2026, 8, 20)),
            (finding.Check, finding.Severity, finding.Source, finding.Segment, finding.Day));
        Assert.Equal(30 / 170.0, finding.Observed, 9);
        Assert.Equal(0.05, finding.Threshold);
        Assert.Contains("30 of the 170 decisions rows", finding.Message, StringComparison.Ordinal);
        Assert.Contains("decisions-late.csv", finding.Message, StringComparison.Ordinal);
    }
}
