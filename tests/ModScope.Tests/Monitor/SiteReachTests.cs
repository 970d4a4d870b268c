using ModScope.Monitor;

namespace ModScope.Tests.Monitor;

public sealed class SiteReachTests
{
    private static readonly Dictionary<string, string> RegionOf = new() { ["TH"] = "SEA", ["MY"] = "SEA", ["ID"] = "SEA" };

    // BKK decides 300 of TH's 1,000 decisions (30%) and 300 of SEA's 10,000 (3%); KUL decides 5 of TH's (0.5%).
    private static readonly SiteReach Reach = SiteReach.Of(
    [
        ("BKK", "TH", 300), ("(auto)", "TH", 695), ("KUL", "TH", 5),
        ("KUL", "MY", 2000), ("(auto)", "MY", 3000), ("JKT", "ID", 4000),
    ], RegionOf);

    [Theory]
    [InlineData("BKK", "market=TH", true)]
    [InlineData("BKK", "decided_by=human;market=TH", true)]
    [InlineData("BKK", "site=BKK", true)]
    [InlineData("BKK", "region=SEA", false)]
    [InlineData("KUL", "market=TH", false)]
    [InlineData("KUL", "region=SEA", true)]
    [InlineData("BKK", "market=MY", false)]
    [InlineData("BKK", "", false)]
    public void A_site_reaches_the_markets_and_regions_where_it_decides_a_tenth_or_more(string site, string segment, bool expected) =>
        Assert.Equal(expected, Reach.Reaches(site, segment));
}
