using ModScope.Monitor.Quality;
using static ModScope.Tests.Monitor.Quality.QualityStore;

namespace ModScope.Tests.Monitor.Quality;

/// <summary>The lag of the newest event is measured to the end of the as-of day, 2026-08-26 00:00 UTC.</summary>
public sealed class FreshnessCheckTests : IDisposable
{
    private readonly QualityStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_source_that_stopped_arriving_is_reported_with_its_lag()
    {
        _store.AuditDays = day => day <= new DateOnly(2026, 8, 20);
        await _store.LoadAsync();

        var finding = Assert.Single(await _store.RunAsync());

        // Newest audit 2026-08-20 21:00 → 5 days 3 hours = 123 h: above 72 h, not above 2 × 72 h.
        Assert.Equal((QualityCheckKind.Freshness, QualitySeverity.Warning, "qa_audits", "all rows"),
            (finding.Check, finding.Severity, finding.Source, finding.Segment));
        Assert.Equal(123, finding.Observed, 6);
        Assert.Equal(72, finding.Threshold);
        Assert.Contains("2026-08-20 21:00 UTC", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_active_site_that_went_quiet_is_reported_while_the_source_is_fresh()
    {
        _store.Rows = (site, day) => site == Aus && day > new DateOnly(2026, 8, 23) ? 0 : Usual(site, day);
        await _store.LoadAsync();

        var finding = Assert.Single(await _store.RunAsync());

        // Newest AUS-INHOUSE decision: Sunday 2026-08-23 23:41 (row 23 of 24) → 48 h 19 min before the end of 08-25.
        Assert.Equal((QualityCheckKind.Freshness, QualitySeverity.Warning, "decisions", "site = AUS-INHOUSE"),
            (finding.Check, finding.Severity, finding.Source, finding.Segment));
        Assert.Equal(48 + 19 / 60.0, finding.Observed, 6);
        Assert.Equal(36, finding.Threshold);
    }

    [Fact]
    public async Task A_lag_beyond_twice_the_limit_is_critical()
    {
        await _store.LoadAsync();

        var findings = await DataQualityChecks.RunAsync(_store.Temp.Store, new DateOnly(2026, 8, 28), new QualitySettings(), CancellationToken.None);

        // Newest decision 2026-08-24 23:41, as of the end of 08-28: 96 h 19 min > 2 × 36 h. Sites are not judged
        // separately while the whole source is late.
        var freshness = Assert.Single(findings, f => f.Check == QualityCheckKind.Freshness);
        Assert.Equal((QualitySeverity.Critical, "decisions", "all rows"), (freshness.Severity, freshness.Source, freshness.Segment));
        Assert.Equal(96 + 19 / 60.0, freshness.Observed, 6);
    }
}
