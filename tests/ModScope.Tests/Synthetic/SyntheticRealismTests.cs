using ModScope.Model;

namespace ModScope.Tests.Synthetic;

/// <summary>
/// The quiet data set stays inside the realistic ranges of the domain notes (DOMAIN.md 1.x and 5.5),
/// computed directly from the CSV files.
/// </summary>
[Collection(QuietDataSetCollection.Name)]
public sealed class SyntheticRealismTests(QuietDataSetFixture fixture)
{
    private SyntheticDataSet Data => fixture.Data;

    [Fact]
    public void Generator_Decisions_AreMostlyAutomatedAndProactiveWithRealisticEnforcement()
    {
        Assert.InRange(Share(Data.Decisions, d => d.DecidedBy == "automated"), 0.70, 0.90);
        Assert.InRange(Share(Data.Decisions, d => d.Source == "proactive_model"), 0.85, 0.95);
        Assert.InRange(Share(Data.Decisions, d => d.IsEnforcement), 0.15, 0.30);
    }

    [Fact]
    public void Generator_Markets_FollowARealisticMixWithBigSeaUsAndUkMarkets()
    {
        var shares = Data.Decisions.GroupBy(d => d.Market).ToDictionary(g => g.Key, g => g.Count() / (double)Data.Decisions.Count);
        var biggestFive = shares.OrderByDescending(kv => kv.Value).Take(5).Select(kv => kv.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["GB", "ID", "TH", "US", "VN"], biggestFive);
        Assert.True(shares["JP"] < 0.02 && shares["AE"] < 0.02, "JP and AE are small markets.");
        Assert.Equal(ReferenceData.Shipped.Markets.Count, shares.Count);
    }

    [Fact]
    public void Generator_Volume_HasWeeklyAndLocalHourOfDaySeasonality()
    {
        var byWeekday = Data.Decisions.Where(d => d.CreatedDate >= Data.Dates.First() && d.CreatedDate <= Data.Dates.Last().AddDays(-3))
            .GroupBy(d => d.CreatedDate)
            .GroupBy(g => g.Key.DayOfWeek, g => g.Count())
            .ToDictionary(g => g.Key, g => g.Average());
        var weeklySwing = byWeekday.Values.Max() / byWeekday.Values.Min();
        Assert.InRange(weeklySwing, 1.10, 1.60);
        Assert.True(byWeekday[DayOfWeek.Sunday] < byWeekday[DayOfWeek.Wednesday]);

        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var localHours = Data.Decisions.Where(d => d.Market == "US")
            .GroupBy(d => TimeZoneInfo.ConvertTimeFromUtc(d.CreatedAt, newYork).Hour)
            .ToDictionary(g => g.Key, g => g.Count());
        var evening = new[] { 19, 20, 21 }.Average(h => localHours[h]);
        var night = new[] { 2, 3, 4 }.Average(h => localHours[h]);
        Assert.True(evening > 3 * night, $"US local evening ({evening:0}) should be far busier than night ({night:0}).");
    }

    [Fact]
    public void Generator_Automation_DiffersByPolicyAsInPractice()
    {
        double Automation(string policy) => Share(Data.Decisions.Where(d => d.Policy == policy).ToArray(), d => !d.IsHuman);
        Assert.True(Automation("weapons") > 0.85 && Automation("counterfeit") > 0.85);
        Assert.True(Automation("hate_speech") < 0.5 && Automation("minors_in_live") < 0.5);
        var parents = ReferenceData.Shipped.Policies.Where(p => !p.IsLeaf).Select(p => p.PolicyId).ToHashSet();
        Assert.DoesNotContain(Data.Decisions, d => parents.Contains(d.Policy));
    }

    [Fact]
    public void Generator_QaAudits_ShowRealisticAccuracyAndAuditorAgreement()
    {
        var first = Data.Audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal)).ToArray();
        Assert.InRange(Share(first, a => a.ErrorType == "none"), 0.88, 0.98);
        var errorTypes = first.Select(a => a.ErrorType).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["false_negative", "false_positive", "none", "technical", "wrong_action", "wrong_policy"], errorTypes);

        var pairs = Data.Audits.GroupBy(a => a.DecisionId).Where(g => g.Count() == 2)
            .Select(g => (A: g.Single(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal)), B: g.Single(a => a.AuditId.EndsWith("-2", StringComparison.Ordinal))))
            .ToArray();
        Assert.InRange(pairs.Length / (double)first.Length, 0.03, 0.08);
        Assert.All(pairs, p => Assert.NotEqual(p.A.AuditorId, p.B.AuditorId));
        Assert.InRange(CohensKappa(pairs.Select(p => (p.A.QaVerdict, p.B.QaVerdict)).ToArray()), 0.6, 0.9);
    }

    [Fact]
    public void Generator_Appeals_HaveRealisticRatesAndOverturns()
    {
        var enforcements = Data.Decisions.Count(d => d.IsEnforcement);
        Assert.InRange(Data.Appeals.Count / (double)enforcements, 0.01, 0.10);
        var resolved = Data.Appeals.Where(a => a.Outcome is not null).ToArray();
        Assert.InRange(Share(resolved, a => a.Outcome == "overturned"), 0.10, 0.35);
        Assert.Contains(Data.Appeals, a => a.Outcome is null);
    }

    [Fact]
    public void Generator_HumanTurnaround_MeetsTheQueueSlaMostOfTheTime()
    {
        var sla = ReferenceData.Shipped.Queues.ToDictionary(q => q.QueueId, q => q.SlaHours);
        var human = Data.Decisions.Where(d => d.IsHuman).ToArray();
        Assert.InRange(Share(human, d => d.TatHours <= sla[d.Queue]), 0.80, 0.97);
        var live = human.Where(d => d.ObjectType == "livestream").ToArray();
        Assert.InRange(Share(live, d => d.TatHours <= 1.0), 0.80, 0.97);
        Assert.All(Data.Decisions.Where(d => !d.IsHuman), d => Assert.InRange((d.DecidedAt - d.CreatedAt).TotalSeconds, 1, 60));
    }

    [Fact]
    public void Generator_HandlingTime_IsLognormalAndLongerForVideoAndLive()
    {
        var human = Data.Decisions.Where(d => d.IsHuman).ToArray();
        Assert.InRange(Median(human.Select(d => d.HandlingSeconds)), 30, 300);
        double MedianFor(string type) => Median(human.Where(d => d.ObjectType == type).Select(d => d.HandlingSeconds));
        Assert.True(MedianFor("livestream") > 2 * MedianFor("listing"));
        Assert.True(MedianFor("short_video") > MedianFor("listing"));
        Assert.All(Data.Decisions.Where(d => !d.IsHuman), d => Assert.Equal(0, d.HandlingSeconds));
    }

    [Fact]
    public void Generator_Staffing_GivesRealisticThroughputAndCosts()
    {
        var decisionsBySite = Data.Decisions.Where(d => d.IsHuman).GroupBy(d => d.Site).ToDictionary(g => g.Key, g => g.Count());
        var hoursBySite = Data.Staffing.GroupBy(s => s.Site).ToDictionary(g => g.Key, g => g.Sum(s => s.Productive));
        Assert.Equal(ReferenceData.Shipped.Sites.Count, hoursBySite.Count);
        foreach (var (site, hours) in hoursBySite)
        {
            Assert.InRange(decisionsBySite[site] / hours, 20, 120);
        }

        double Cost(string site) => Data.Staffing.Where(s => s.Site == site).Average(s => s.HourlyCost);
        Assert.All(Data.Staffing, s => Assert.InRange(s.HourlyCost, 6, 50));
        Assert.True(new[] { "MNL-BRAVO", "CAI-FOXTROT" }.Max(Cost) < new[] { "DUB-INHOUSE", "AUS-INHOUSE", "TYO-INHOUSE" }.Min(Cost));
    }

    /// <summary>Cohen's kappa over paired labels: (P_o − P_e) / (1 − P_e), P_e from each rater's marginals.</summary>
    private static double CohensKappa((string A, string B)[] pairs)
    {
        var n = (double)pairs.Length;
        var observed = pairs.Count(p => p.A == p.B) / n;
        var expected = pairs.Select(p => p.A).Concat(pairs.Select(p => p.B)).Distinct()
            .Sum(k => pairs.Count(p => p.A == k) / n * (pairs.Count(p => p.B == k) / n));
        return (observed - expected) / (1 - expected);
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) => items.Count(predicate) / (double)items.Count;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
