using ModScope.Catalog;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Quality;
using static ModScope.Tests.Monitor.Quality.QualityStore;

namespace ModScope.Tests.Monitor.Quality;

/// <summary>
/// Days are judged against the same weekday of the trailing weeks. The steady data has the same count on every
/// weekday of a kind, so the median is that count, the MAD is 0 and the spread is the 0.1 floor:
/// z = (ln(n + 1) − ln(usual + 1)) / 0.1.
/// </summary>
public sealed class VolumeCheckTests : IDisposable
{
    private static readonly DateOnly Tuesday = new(2026, 8, 18);
    private static readonly DateOnly Thursday = new(2026, 8, 20);

    private readonly QualityStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_site_missing_for_one_day_is_one_critical_finding_naming_the_site_and_the_day()
    {
        _store.Rows = (site, day) => site == Kul && day == Tuesday ? 0 : Usual(site, day);
        await _store.LoadAsync();

        var finding = Assert.Single(await _store.RunAsync());

        // The source as a whole drops from 140 to 100 (−28.6%, z = (ln 101 − ln 141) / 0.1 = −3.3): within both limits.
        Assert.Equal((QualityCheckKind.Volume, QualitySeverity.Critical, "decisions", "site = KUL-ALPHA", (DateOnly?)Tuesday),
            (finding.Check, finding.Severity, finding.Source, finding.Segment, finding.Day));
        Assert.Equal(0, finding.Observed);
        Assert.Equal(40, finding.Expected!.Value, 6);
        Assert.Contains("No decisions from site KUL-ALPHA on 2026-08-18", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spike_is_reported_for_the_site_and_for_the_source()
    {
        await LoadSpike();

        var findings = await _store.RunAsync();

        // Site: 160 against 40, z = (ln 161 − ln 41) / 0.1 = 13.7 > 8: critical.
        // Source: 260 against 140 (+85.7%), z = (ln 261 − ln 141) / 0.1 = 6.2: a warning.
        Assert.Equal(
            [("site = AUS-INHOUSE", QualitySeverity.Critical, 160.0, 40.0), ("all rows", QualitySeverity.Warning, 260.0, 140.0)],
            findings.Select(f => (f.Segment, f.Severity, f.Observed, Math.Round(f.Expected!.Value, 6))));
        Assert.All(findings, f => Assert.Equal(Thursday, f.Day));
        Assert.Contains("robust z 6.2", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spike_on_a_known_peak_day_for_the_market_is_not_reported()
    {
        await LoadSpike();

        var findings = await _store.RunAsync(calendar: Calendar(["US"], VolumeEffect.Up));

        // The US rows are all of the site's and 160 of the source's 260 (more than half).
        Assert.Empty(findings);
    }

    [Fact]
    public async Task A_peak_in_another_market_or_in_the_other_direction_explains_nothing()
    {
        await LoadSpike();

        var otherMarket = await _store.RunAsync(calendar: Calendar(["ID"], VolumeEffect.Up));
        var otherDirection = await _store.RunAsync(calendar: Calendar(["US"], VolumeEffect.Down));

        Assert.Equal(2, otherMarket.Count);
        Assert.Equal(2, otherDirection.Count);
    }

    private async Task LoadSpike()
    {
        _store.Rows = (site, day) => site == Aus && day == Thursday ? 160 : Usual(site, day);
        await _store.LoadAsync();
    }

    private static EventCalendar Calendar(IReadOnlyList<string> markets, VolumeEffect effect) =>
        EventCalendar.Parse(ModScope.Model.ReferenceData.Shipped.Markets, "version: 1\nevents:\n", "flash-sale.yaml").WithAdded(new CalendarEvent("flash_sale", new Bilingual("Flash sale", "闪购"), markets, Thursday, Thursday, new EventEffect(effect)));
}
