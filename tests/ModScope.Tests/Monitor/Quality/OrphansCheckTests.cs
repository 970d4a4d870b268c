using ModScope.Monitor.Quality;
using ModScope.Tests.Support;

namespace ModScope.Tests.Monitor.Quality;

public sealed class OrphansCheckTests : IDisposable
{
    private readonly QualityStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Audits_waiting_more_than_seven_days_for_their_decision_are_orphans()
    {
        await _store.LoadAsync();
        var file = await _store.LoadFileAsync("qa_audits-orphans.csv", DecisionRows.AuditHeader,
        [
            QualityStore.Audit("A-1", "D-GONE-1", new DateTime(2026, 8, 10, 9, 0, 0)),
            QualityStore.Audit("A-2", "D-GONE-2", new DateTime(2026, 8, 18, 12, 0, 0)),
            QualityStore.Audit("A-3", "D-SOON", new DateTime(2026, 8, 19, 12, 0, 0)),
        ], new DateTime(2026, 8, 20, 3, 0, 0));
        Assert.Equal(3, file.RowsPending);

        var finding = Assert.Single(await _store.RunAsync());

        // Older than 7 days at the end of 08-25 means before 08-19 00:00, not A-3.
        Assert.Equal((QualityCheckKind.Orphans, QualitySeverity.Warning, "qa_audits", "file = qa_audits-orphans.csv", (DateOnly?)new DateOnly(2026, 8, 10)),
            (finding.Check, finding.Severity, finding.Source, finding.Segment, finding.Day));
        Assert.Equal(2, finding.Observed);
        Assert.Contains("'D-GONE-1'", finding.Message, StringComparison.Ordinal);
    }
}
