using ModScope.Catalog;
using ModScope.Monitor.Scan;
using ModScope.Query;
using ModScope.Tests.Sources;

namespace ModScope.Tests.Monitor;

/// <summary>
/// A catalogue dimension flagged <c>slice: true</c> (Bazaarly's extra column seller_tier) is one of the monitor's
/// slicings; without the flag it is not; a misspelt flag names its field.
/// </summary>
public sealed class ExtraColumnSliceTests(BazaarStore bazaar) : IClassFixture<BazaarStore>
{
    private static string Flagged(string text) =>
        text.Replace("    column: seller_tier\n", "    column: seller_tier\n    slice: true\n", StringComparison.Ordinal);

    private sealed class Said : IProgress<string>
    {
        public List<string> Lines { get; } = [];

        public void Report(string value) => Lines.Add(value);
    }

    private async Task<(IReadOnlyList<string> Lines, int Scanned)> Scan(MetricCatalog catalog)
    {
        var said = new Said();
        var settings = new MonitorSettings { MinDailyVolume = 0, HistoryDays = 14 };
        using var engine = new ModScope.Engines.DuckDbEngine(bazaar.Store.Store);
        var scan = await new MonitorScanner(catalog, new MetricQuery(catalog, engine), settings) { Progress = said }
            .ScanAsync(new DateOnly(2026, 11, 15), new DateOnly(2026, 11, 15));
        return (said.Lines, scan.SeriesScanned);
    }

    [Fact]
    public async Task A_flagged_extra_column_is_scanned_as_a_slicing_of_its_own()
    {
        var plain = BazaarData.Catalog();
        var flagged = CatalogLoader.Parse(Flagged(BazaarData.CatalogText()), "bazaar core-index.yaml", BazaarData.Mapping());
        Assert.True(flagged.Dimension("seller_tier").Slice);
        Assert.False(plain.Dimension("seller_tier").Slice);

        var without = await Scan(plain);
        var with = await Scan(flagged);

        Assert.DoesNotContain(without.Lines, l => l.Contains("by seller_tier", StringComparison.Ordinal));
        Assert.Single(with.Lines, l => l.Contains("by seller_tier (", StringComparison.Ordinal));
        // Its series are judged too: gold, silver and bronze decisions exist in the export.
        Assert.True(with.Scanned > without.Scanned, $"{with.Scanned} series with the flag, {without.Scanned} without");
    }

    [Fact]
    public void A_slice_flag_that_is_not_true_or_false_names_the_field()
    {
        var text = BazaarData.CatalogText().Replace("    column: seller_tier\n", "    column: seller_tier\n    slice: yes\n", StringComparison.Ordinal);

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(text, "bazaar core-index.yaml", BazaarData.Mapping()));

        Assert.Contains("must be true or false, not 'yes'", Assert.Single(error.Issues, i => i.Field == "dimensions.seller_tier.slice").Message, StringComparison.Ordinal);
    }
}
