using ModScope.Catalog;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>
/// The target a segment is judged against: the most specific target row that applies on the day, else the catalogue's.
/// Every expected value below is read off the rows by the precedence in <see cref="SegmentTargets"/>, by hand.
/// </summary>
public sealed class SegmentTargetsTests
{
    private static readonly DateOnly Always = ReferenceSchema.Always;
    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();

    private static SegmentTarget Qa(double value, string market = "", string region = "", string site = "", string queue = "", string from = "1970-01-01") =>
        new("qa_accuracy", market, region, site, queue, "", value, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture));

    private static readonly ReferenceData Reference = new(
        [new Market("ID", "Indonesia", "", "SEA", "id", "Asia/Jakarta", Always), new Market("TH", "Thailand", "", "SEA", "th", "Asia/Bangkok", Always),
         new Market("GB", "United Kingdom", "", "UK", "en", "Europe/London", Always)],
        [],
        [new Queue("ID-live", "ID", "livestream", 1, "ID live", "", Always)],
        [])
    {
        Targets =
        [
            Qa(0.96),                                   // the organisation's, overriding the catalogue's
            Qa(0.955, region: "SEA"),
            Qa(0.97, market: "ID", from: "2026-01-01"),
            Qa(0.98, market: "ID", from: "2026-07-01"), // ID's target raised from July
            Qa(0.99, queue: "ID-live"),
            Qa(0.985, market: "ID", site: "S1"),
        ],
    };

    private static double? Target(string day, params string[] filters) =>
        SegmentTargets.For(Catalog.Metric("qa_accuracy"), SegmentTargets.SegmentOf(filters.Select(DimensionFilter.Parse)),
            DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Reference);

    [Theory]
    [InlineData("2026-06-30", 0.96)]                          // no segment: only the row naming nothing applies
    [InlineData("2026-06-30", 0.96, "market=GB")]             // GB has no row; UK neither
    [InlineData("2026-06-30", 0.955, "market=TH")]            // TH is in SEA: the region's row
    [InlineData("2026-06-30", 0.955, "region=SEA")]
    [InlineData("2026-06-30", 0.97, "market=ID")]             // a market is narrower than its region
    [InlineData("2026-07-01", 0.98, "market=ID")]             // the row in force from July
    [InlineData("2025-12-31", 0.955, "market=ID")]            // before ID's first row: SEA's
    [InlineData("2026-06-30", 0.99, "queue=ID-live")]         // the queue's market is ID, but a queue is narrower
    [InlineData("2026-06-30", 0.985, "market=ID", "site=S1")] // two columns beat one
    [InlineData("2026-06-30", 0.96, "site=S1")]               // the S1 row also names ID, which the segment leaves open
    [InlineData("2026-06-30", 0.96, "market=ID,TH")]          // two markets are no one segment
    public void The_most_specific_row_in_force_applies(string day, double expected, params string[] filters)
    {
        Assert.Equal(expected, Target(day, filters));
    }

    [Fact]
    public void A_metric_without_rows_keeps_the_catalogues_target()
    {
        var sla = Catalog.Metric("sla_attainment");
        Assert.NotNull(sla.Target);
        Assert.Equal(sla.Target, SegmentTargets.For(sla, SegmentTargets.SegmentOf([DimensionFilter.Parse("market=ID")]), new DateOnly(2026, 6, 30), Reference));
    }

    [Fact]
    public void A_catalogue_for_a_segment_carries_its_targets_and_leaves_the_rest()
    {
        var applied = SegmentTargets.Apply(Catalog, [DimensionFilter.Parse("market=ID")], new DateOnly(2026, 6, 30), Reference);

        Assert.Equal(0.97, applied.Metric("qa_accuracy").Target);
        Assert.Equal(Catalog.Metric("automation_rate").Target, applied.Metric("automation_rate").Target);
        Assert.Equal(Catalog.Roles.Overview, applied.Roles.Overview);
    }
}
