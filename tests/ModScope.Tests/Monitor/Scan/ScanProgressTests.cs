using ModScope.Monitor.Scan;
using ModScope.Tests.Query;

namespace ModScope.Tests.Monitor.Scan;

/// <summary>
/// The scan fetches the next slicing while it judges the current one: it must still report every slicing once, in
/// order, and find the same series and alerts run after run.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class ScanProgressTests(ParityFixture fixture)
{
    private static readonly MonitorSettings Settings = new()
    {
        Dimensions = ["market", "site"],
        Pairs = [("market", "decided_by")],
    };

    // The last week of the 35 generated days (2026-08-24 .. 2026-09-27).
    private static readonly (DateOnly Start, DateOnly End) Window = (new DateOnly(2026, 9, 21), new DateOnly(2026, 9, 27));

    [Fact]
    public async Task Every_slicing_is_reported_once_in_scan_order()
    {
        var steps = new List<string>();
        var scanner = new MonitorScanner(fixture.Catalog, fixture.Query, Settings) { Progress = new Recorder(steps) };

        var scan = await scanner.ScanAsync(Window.Start, Window.End);

        Assert.Equal(
        [
            "scanning the core index in total (1/4)",
            "scanning the core index by market (2/4)",
            "scanning the core index by site (3/4)",
            "scanning the core index by market × decided_by (4/4)",
        ], steps);
        Assert.True(scan.SeriesScanned > 4, $"only {scan.SeriesScanned} series were judged");
    }

    [Fact]
    public async Task Two_scans_find_the_same_series_and_alerts()
    {
        var first = await new MonitorScanner(fixture.Catalog, fixture.Query, Settings).ScanAsync(Window.Start, Window.End);
        var second = await new MonitorScanner(fixture.Catalog, fixture.Query, Settings).ScanAsync(Window.Start, Window.End);

        Assert.Equal(first.SeriesScanned, second.SeriesScanned);
        Assert.Equal(first.Alerts.Select(Describe), second.Alerts.Select(Describe));
    }

    private static string Describe(ScannedAlert alert) =>
        $"{alert.Finding.Subject}|{alert.Finding.Segment}|{alert.Finding.FirstDay:yyyy-MM-dd}..{alert.Finding.LastDay:yyyy-MM-dd}|{alert.Finding.Score:R}";

    /// <summary>Records each report on the reporting thread (Progress&lt;T&gt; would post it later).</summary>
    private sealed class Recorder(List<string> steps) : IProgress<string>
    {
        public void Report(string value) => steps.Add(value);
    }
}
