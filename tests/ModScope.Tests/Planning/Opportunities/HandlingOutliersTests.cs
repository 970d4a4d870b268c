using ModScope.Planning.Opportunities;

namespace ModScope.Tests.Planning.Opportunities;

public sealed class HandlingOutliersTests
{
    /// <summary>A moderator with n decisions of mean m and standard deviation s in one stratum.</summary>
    private static HandlingUnit Moderator(string id, double n, double mean, double sd, string stratum = "video") =>
        new(new Dictionary<string, string> { ["moderator"] = id }, "site-1", 10, 2,
            [new HandlingStratum(stratum, n, n * mean, (n - 1) * sd * sd + (n * mean * mean))]);

    [Fact]
    public void A_moderator_far_slower_than_peers_on_the_same_mix_is_an_outlier()
    {
        HandlingUnit[] units =
        [
            Moderator("m1", 400, 60, 20), Moderator("m2", 400, 60, 20), Moderator("m3", 400, 60, 20),
            Moderator("slow", 400, 90, 25),
        ];

        var found = HandlingOutliers.Find(units, new OpportunitySettings());

        var o = Assert.Single(found);
        Assert.Equal("slow", o.Subject["moderator"]);
        // Peers pooled: 1,200 decisions, mean 60, variance (3·(399·400 + 400·3600) − 1200·3600)/1199 = 399.33;
        // excess 400·30 = 12,000 s over 2 weeks = 1.6667 handling hours a week; z = 12,000/√(400·399.33) = 30.02.
        Assert.Equal(1.666667, o.Size.Value, 5);
        Assert.Equal(0.5, o.Value("slower_by")!.Value, 9);
        Assert.Equal(30.0250, o.Value("z")!.Value, 3);
    }

    [Fact]
    public void A_slightly_slower_moderator_is_not_an_outlier()
    {
        HandlingUnit[] units = [Moderator("m1", 400, 60, 20), Moderator("m2", 400, 60, 20), Moderator("m3", 400, 66, 20)];

        Assert.Empty(HandlingOutliers.Find(units, new OpportunitySettings()));
    }

    [Fact]
    public void A_moderator_on_a_harder_stratum_is_compared_within_it()
    {
        // The live moderator handles 150 s items as fast as the live peer; video moderators take 60 s.
        HandlingUnit[] units =
        [
            Moderator("v1", 400, 60, 20), Moderator("v2", 400, 60, 20),
            Moderator("l1", 400, 150, 40, "live"), Moderator("l2", 400, 150, 40, "live"),
        ];

        Assert.Empty(HandlingOutliers.Find(units, new OpportunitySettings()));
    }
}
