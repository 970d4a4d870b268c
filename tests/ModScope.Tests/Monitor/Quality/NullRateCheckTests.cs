using ModScope.Monitor.Quality;

namespace ModScope.Tests.Monitor.Quality;

/// <summary>
/// Null rates over the last 7 days (2026-08-19 to 08-25). Rows in that window: Wed–Fri and Mon 140 each, Sat–Sun 108
/// each: 4 × 140 + 2 × 108 = 776. The 28 trailing days (07-22 to 08-18) are four whole weeks: 4 × (5 × 140 + 2 × 108) = 3,664.
/// Ingest refuses empty required values, so the tests empty them in the store directly (as another loader might).
/// </summary>
public sealed class NullRateCheckTests : IDisposable
{
    private readonly QualityStore _store = new();

    public void Dispose() => _store.Dispose();

    private const string KulOnMonday = "site = 'KUL-ALPHA' AND CAST(decided_at AS DATE) = DATE '2026-08-24'";

    [Fact]
    public async Task A_column_emptied_for_a_day_is_reported_against_its_threshold()
    {
        await _store.LoadAsync();
        _store.Execute($"UPDATE decisions SET language = NULL WHERE {KulOnMonday}");

        var finding = Assert.Single(await _store.RunAsync());

        Assert.Equal((QualityCheckKind.NullRate, QualitySeverity.Warning, "decisions", "column = language", (DateOnly?)null),
            (finding.Check, finding.Severity, finding.Source, finding.Segment, finding.Day));
        Assert.Equal(40 / 776.0, finding.Observed, 9);
        Assert.Equal(0, finding.Expected);
        Assert.Equal(0.01, finding.Threshold!.Value, 9);
        Assert.Contains("language is empty in 40 of 776 decisions", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_of_spaces_only_is_empty_and_text_after_a_leading_space_is_not()
    {
        await _store.LoadAsync();
        // KUL-ALPHA's Monday: 20 rows of spaces, 20 of a language after a space. AUS-INHOUSE's Monday: 40 of an empty string.
        _store.Execute($"UPDATE decisions SET language = CASE WHEN decision_id < 'KUL-ALPHA-20260824-2' THEN '   ' ELSE ' ms' END WHERE {KulOnMonday}");
        _store.Execute("UPDATE decisions SET language = '' WHERE site = 'AUS-INHOUSE' AND CAST(decided_at AS DATE) = DATE '2026-08-24'");

        var finding = Assert.Single(await _store.RunAsync());

        // Ids KUL-ALPHA-20260824-0 … -39 sort as text: '-0', '-1' and '-10' … '-19' come before '-2', so 12 rows hold spaces.
        Assert.Equal("column = language", finding.Segment);
        Assert.Equal((12 + 40) / 776.0, finding.Observed, 9);
    }

    [Fact]
    public async Task A_column_that_is_usually_partly_empty_is_judged_against_its_usual_rate()
    {
        await _store.LoadAsync();
        // Two automated decisions a day without language: 2 of 140 or 108 every day, steady, so not reported ...
        _store.Execute("UPDATE decisions SET language = '' WHERE decision_id LIKE 'AUTO-%' AND (decision_id LIKE '%-0' OR decision_id LIKE '%-1')");
        Assert.Empty(await _store.RunAsync());

        // ... until a site's whole day is empty as well.
        _store.Execute($"UPDATE decisions SET language = NULL WHERE {KulOnMonday}");
        var finding = Assert.Single(await _store.RunAsync());

        // Recent: (6 days × 2 + 40) / 776; usual: 28 days × 2 / 3,664; limit: usual + 1 point.
        Assert.Equal(52 / 776.0, finding.Observed, 9);
        Assert.Equal(56 / 3664.0, finding.Expected!.Value, 9);
        Assert.Equal(56 / 3664.0 + 0.01, finding.Threshold!.Value, 9);
    }

    [Fact]
    public async Task A_condition_limits_the_rows_a_column_must_be_filled_in()
    {
        await _store.LoadAsync();
        // Automated decisions have no site by design (360 of the 776 rows); human ones must name it.
        _store.Execute("UPDATE decisions SET site = NULL WHERE regexp_matches(decision_id, '^AUS-INHOUSE-20260824-[0-9]$')");

        var finding = Assert.Single(await _store.RunAsync());

        // Human decisions in the window: 4 weekdays × 80 + 2 weekend days × 48 = 416; 10 without a site.
        Assert.Equal("column = site where decided_by = human", finding.Segment);
        Assert.Equal(10 / 416.0, finding.Observed, 9);
        Assert.Equal(0, finding.Expected);
    }
}
