using ModScope.Catalog;
using ModScope.Common;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>Filter values are checked against the engine's reference data, except the label of a missing value.</summary>
public sealed class ReferenceFilterCheckTests
{
    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();

    [Fact]
    public void An_unknown_market_is_refused_naming_it_and_the_filter()
    {
        var error = Assert.Throws<MetricRequestException>(() =>
            ReferenceFilterCheck.Check([DimensionFilter.Parse("market=XX")], Catalog, ReferenceData.Shipped));

        Assert.Contains("Unknown market 'XX' in the filter market=XX", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_market_carries_its_reason_the_value_and_the_known_markets()
    {
        var error = Assert.Throws<MetricRequestException>(() =>
            ReferenceFilterCheck.Check([DimensionFilter.Parse("market!=US,XX")], Catalog, ReferenceData.Shipped));

        var reason = Assert.IsType<ProblemReason>(error.Reason);
        Assert.Equal(ProblemKind.UnknownValue, reason.Kind);
        Assert.Equal("unknown-value", reason.KindName);
        Assert.Equal("XX", reason.Value);
        Assert.Equal("market", reason.Subject);
        // reference/markets.csv's codes, written out by hand, in ordinal order.
        Assert.Equal(["AE", "BR", "DE", "ES", "FR", "GB", "ID", "IE", "IT", "JP", "MX", "MY", "PH", "SA", "SG", "TH", "US", "VN"], reason.Accepted);
    }

    [Fact]
    public void A_shipped_site_and_the_missing_value_label_pass()
    {
        // The monitor's drill into automated decisions asks for site=(none): a segment without a site, not a typo.
        var site = ReferenceData.Shipped.Sites[0].SiteId;

        Assert.Null(Record.Exception(() => ReferenceFilterCheck.Check(
            [DimensionFilter.Parse($"site={site}"), DimensionFilter.Parse("site=(none)")], Catalog, ReferenceData.Shipped)));
        Assert.Null(Record.Exception(() => ReferenceFilterCheck.Check(
            [new DimensionFilter("site", FilterOperator.Equals, [""])], Catalog, ReferenceData.Shipped)));
    }
}
