using ModScope.Catalog;
using ModScope.Common;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.Tests.Query;

public sealed class AccessScopeTests
{
    [Fact]
    public void A_scope_on_a_column_no_dimension_reads_is_refused_with_a_reason_and_no_parameter()
    {
        // The shipped catalogue with its site dimension reading the site's vendor instead: no dimension reads column site.
        var shipped = CatalogFiles.Shipped("catalog/core-index.yaml", "catalogue");
        const string Site = "  - id: site\n    name: {en: Site, zh-Hans: 审核站点}\n    column: site\n";
        Assert.Contains(Site, shipped, StringComparison.Ordinal);
        var catalog = CatalogLoader.Parse(shipped.Replace(Site, Site.Replace("column: site", "column: site.vendor", StringComparison.Ordinal), StringComparison.Ordinal), "core-index.yaml");
        var request = new MetricRequest(["decision_volume"], [], TimeGrain.None, [], Period.UtcDays(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)))
        {
            Scope = AccessScope.Parse("site=AUS-INHOUSE"),
        };

        var refusal = Assert.Throws<MetricRequestException>(() => ScopeFilters.Apply(request, catalog, ReferenceData.Shipped));

        Assert.Equal(new ProblemReason(ProblemKind.NotAllowed, "site", "scope"), refusal.Reason);
        Assert.Null(refusal.Parameter);
    }

    [Fact]
    public void Parse_reads_each_key_and_its_comma_separated_values()
    {
        var scope = AccessScope.Parse("region=SEA & vendor=Alpha Services,Bravo Outsourcing&site=DUB-INHOUSE");

        Assert.Equal(["SEA"], scope.Regions);
        Assert.Empty(scope.Markets);
        Assert.Equal(["DUB-INHOUSE"], scope.Sites);
        Assert.Equal(["Alpha Services", "Bravo Outsourcing"], scope.Vendors);
        Assert.True(scope.LimitsMarkets && scope.LimitsSites);
    }

    [Fact]
    public void Text_is_stable_and_reads_back_to_the_same_scope()
    {
        var scope = AccessScope.Parse("market=VN,ID&region=SEA");

        Assert.Equal("region=SEA&market=ID,VN", scope.Text);
        Assert.Equal(scope.Text, AccessScope.Parse(scope.Text).Text);
        Assert.Equal("", AccessScope.Parse("").Text);
        Assert.False(AccessScope.Parse(" ").IsLimited);
    }

    [Theory]
    [InlineData("country=SG", "key region, market, site or vendor")]
    [InlineData("region=", "names no region")]
    [InlineData("SEA", "must be key=value")]
    public void Parse_refuses_a_bad_item_naming_it(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => AccessScope.Parse(text));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
