using ModScope.Query;

namespace ModScope.Tests.Query;

public sealed class AccessScopeTests
{
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
