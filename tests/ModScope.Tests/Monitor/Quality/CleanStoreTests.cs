using ModScope.Monitor.Quality;

namespace ModScope.Tests.Monitor.Quality;

/// <summary>Steady data with a weekly rhythm, delivered on time, raises nothing; watermarks trail the newest day.</summary>
public sealed class CleanStoreTests : IDisposable
{
    private readonly QualityStore _store = new() { AuditDays = _ => true };

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Clean_data_with_quieter_weekends_has_no_findings()
    {
        await _store.LoadAsync();

        var findings = await _store.RunAsync();

        Assert.Empty(findings);
    }

    [Fact]
    public async Task The_watermark_is_the_newest_day_less_the_days_the_freshness_limit_allows_for_arrival()
    {
        await _store.LoadAsync();

        var marks = (await DataQualityChecks.WatermarksAsync(_store.Temp.Store, QualityStore.AsOf, new QualitySettings(), CancellationToken.None))
            .ToDictionary(w => w.Source);

        // Newest decision: 2026-08-24 23:41 (row 23); 36 h → 2 days still arriving.
        Assert.Equal(new DateTime(2026, 8, 24, 23, 41, 0), marks["decisions"].NewestEvent);
        Assert.Equal(new DateOnly(2026, 8, 22), marks["decisions"].CompleteThrough);
        // Newest audit: 2026-08-24 21:00; 72 h → 3 days.
        Assert.Equal(new DateOnly(2026, 8, 21), marks["qa_audits"].CompleteThrough);
        Assert.Null(marks["appeals"].NewestEvent);
        Assert.Null(marks["staffing"].CompleteThrough);
    }

    [Fact]
    public async Task Events_after_the_as_of_day_are_ignored()
    {
        await _store.LoadAsync();

        var marks = await DataQualityChecks.WatermarksAsync(_store.Temp.Store, new DateOnly(2026, 8, 10), new QualitySettings(), CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 8, 8), marks.Single(w => w.Source == "decisions").CompleteThrough);
    }

    [Fact]
    public async Task A_cancelled_run_stops_with_an_operation_cancelled_exception()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DataQualityChecks.RunAsync(_store.Temp.Store, QualityStore.AsOf, new QualitySettings(), cancelled.Token));
    }
}
