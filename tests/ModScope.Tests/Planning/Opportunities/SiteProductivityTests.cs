using ModScope.Planning.Opportunities;

namespace ModScope.Tests.Planning.Opportunities;

public sealed class SiteProductivityTests
{
    private static readonly DateOnly First = new(2026, 11, 2);

    /// <summary>
    /// A site over 14 days doing <paramref name="easy"/> items of 60 s and <paramref name="hard"/> of 180 s a day, with
    /// productive hours = handling hours / <paramref name="efficiency"/>.
    /// </summary>
    private static SiteWork Site(string name, double easy, double hard, double efficiency, double cost = 10) =>
        new(name, cost, [.. Enumerable.Range(0, 14).Select(i => new SiteDay(
            First.AddDays(i),
            ((easy * 60) + (hard * 180)) / 3600.0 / efficiency,
            [new StratumWork("easy", easy, easy * 60), new StratumWork("hard", hard, hard * 180)]))]);

    [Fact]
    public void A_site_slower_on_the_same_mix_loses_its_excess_hours()
    {
        SiteWork[] sites = [Site("A", 100, 50, 0.8), Site("B", 200, 20, 0.8), Site("C", 0, 80, 0.8), Site("SLOW", 100, 50, 0.6, cost: 12)];

        var found = SiteProductivity.Find(sites, new OpportunitySettings());

        var o = Assert.Single(found);
        Assert.Equal("SLOW", o.Subject["site"]);
        // Standard hours a day: (100·60 + 50·180)/3600 = 4.1667; productive 4.1667/0.6 = 6.9444; at the peers'
        // efficiency 0.8 it would take 5.2083: 1.7361 h a day, 12.1528 productive hours a week.
        Assert.Equal(12.152778, o.Size.Value, 5);
        Assert.Equal(0.25, o.Value("slower_by")!.Value, 9);
        Assert.Equal(0.8, o.Value("peer_efficiency")!.Value, 9);
        // Scheduled: 12.1528 / (1 − 0.2) = 15.1910; money at 12 an hour.
        Assert.Equal(15.190972, o.HoursPerWeek, 5);
        Assert.Equal(182.291667, o.MoneyPerWeek, 4);
    }

    [Fact]
    public void A_site_slower_at_handling_is_measured_against_the_other_sites_handling_times()
    {
        // SLOW handles the same items 20% slower (72 s and 216 s) at the same 80% occupancy, so its productive hours are
        // 1.2 times what its peers would take. Standard times leave the measured site out: for SLOW 60 s and 180 s.
        static SiteWork Handling(string name, (string Stratum, double Items, double Seconds)[] work, double cost = 10) =>
            new(name, cost, [.. Enumerable.Range(0, 14).Select(i => new SiteDay(First.AddDays(i), work.Sum(w => w.Items * w.Seconds) / 3600.0 / 0.8,
                [.. work.Select(w => new StratumWork(w.Stratum, w.Items, w.Items * w.Seconds))]))]);
        SiteWork[] sites =
        [
            Handling("A", [("easy", 100, 60), ("hard", 50, 180)]), Handling("B", [("easy", 200, 60), ("hard", 20, 180)]),
            Handling("C", [("hard", 80, 180)]), Handling("SLOW", [("easy", 100, 72), ("hard", 50, 216)], cost: 12),
        ];

        var o = Assert.Single(SiteProductivity.Find(sites, new OpportunitySettings()));

        Assert.Equal("SLOW", o.Subject["site"]);
        // SLOW: standard (100·60 + 50·180)/3600 = 4.1667 h a day over productive 18000/3600/0.8 = 6.25: efficiency 0.6667.
        // Peers, each against the others: A easy (200·60 + 100·72)/300 = 64 s, hard (20·180 + 80·180 + 50·216)/150 = 192 s,
        // standard 4.4444 over 5.2083 = 0.85333; B easy 66 s, hard 190 s: 4.7222 over 5.4167 = 0.87179; C hard 195 s:
        // 4.3333 over 5 = 0.86667. Median 0.86667; SLOW at it would take 4.1667/0.86667 = 4.8077 h: 1.4423 a day, 10.0962 a week.
        Assert.Equal(0.8666667, o.Value("peer_efficiency")!.Value, 6);
        Assert.Equal(0.6666667, o.Value("efficiency")!.Value, 6);
        Assert.Equal(10.096154, o.Size.Value, 5);
        Assert.Equal(10.096154 / 0.8 * 12, o.MoneyPerWeek, 3);
    }

    [Fact]
    public void A_site_with_harder_work_is_not_blamed_for_fewer_decisions_an_hour()
    {
        // C does only 180 s items: 20 decisions per productive hour against A's 34.3, at the same efficiency.
        SiteWork[] sites = [Site("A", 100, 50, 0.8), Site("B", 200, 20, 0.8), Site("C", 0, 80, 0.8), Site("D", 50, 50, 0.8)];

        Assert.Empty(SiteProductivity.Find(sites, new OpportunitySettings()));
    }

    [Fact]
    public void A_gap_below_the_setting_is_not_reported()
    {
        SiteWork[] sites = [Site("A", 100, 50, 0.8), Site("B", 200, 20, 0.8), Site("C", 0, 80, 0.8), Site("D", 100, 50, 0.78)];

        Assert.Empty(SiteProductivity.Find(sites, new OpportunitySettings { ProductivityGap = 0.05 }));
    }
}
