namespace ModScope.Tests.Synthetic;

/// <summary>With incidents off, none of the incident signatures appear: the same checks find nothing.</summary>
[Collection(QuietDataSetCollection.Name)]
public sealed class SyntheticQuietDataSetTests(QuietDataSetFixture fixture)
{
    private SyntheticDataSet Data => fixture.Data;

    private DateOnly Midpoint => Data.Dates.First().AddDays(DataSetFixture.Days / 2);

    [Fact]
    public void Generator_WithoutIncidents_WritesAnEmptyIncidentListAndNoRedelivery()
    {
        Assert.Empty(Data.Incidents);
        Assert.Empty(fixture.Summary.Incidents);
        Assert.Equal("[]", File.ReadAllText(Path.Combine(Data.Folder, "incidents.json")).Trim());
        Assert.Empty(Data.Redeliveries);
        Assert.DoesNotContain(Directory.GetFiles(Data.Folder), f => f.Contains("redelivery", StringComparison.Ordinal));
    }

    [Fact]
    public void Generator_WithoutIncidents_HasDecisionsAndStaffingForEverySiteEveryDay()
    {
        var sites = ModScope.Model.ReferenceData.Shipped.Sites.Select(s => s.SiteId).ToArray();
        var decided = Data.Decisions.Where(d => d.IsHuman).Select(d => (d.FileDate, d.Site)).ToHashSet();
        var staffed = Data.Staffing.Select(s => (s.Date, s.Site)).ToHashSet();
        foreach (var date in Data.Dates)
        {
            foreach (var site in sites)
            {
                Assert.Contains((date, site), decided);
                Assert.Contains((date, site), staffed);
            }
        }
    }

    [Fact]
    public void Generator_WithoutIncidents_ShowsNoFalsePositiveSpikeAtAnySite()
    {
        var firstAudits = Data.Audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && a.StratumParts[2] == "enforce").ToArray();
        var scan = ScanWindows(firstAudits.GroupBy(a => a.StratumParts[1]), a => a.StratumDate, a => a.ErrorType == "false_positive");
        AssertNoSpike(scan, minimumShare: 0.10, "false-positive share at site");
    }

    [Fact]
    public void Generator_WithoutIncidents_ShowsNoAutomatedMissSpikeForAnyPolicy()
    {
        var automatedApprovals = Data.Decisions.Where(d => !d.IsHuman && !d.IsEnforcement).ToDictionary(d => d.Id);
        var audited = Data.Audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && automatedApprovals.ContainsKey(a.DecisionId))
            .Select(a => (Audit: a, Decision: automatedApprovals[a.DecisionId])).ToArray();
        var scan = ScanWindows(audited.GroupBy(x => x.Decision.Policy), x => x.Decision.FileDate, x => x.Audit.ErrorType == "false_negative");
        AssertNoSpike(scan, minimumShare: 0.12, "automated miss share for policy");
    }

    [Fact]
    public void Generator_WithoutIncidents_KeepsEachMarketsTurnaroundAndShareSteady()
    {
        foreach (var market in Data.Decisions.Where(d => d.CreatedDate >= Data.Dates.First()).GroupBy(d => d.Market))
        {
            var human = market.Where(d => d.IsHuman && d.CreatedDate <= Data.Dates.Last().AddDays(-5)).ToArray();
            var firstHalf = human.Where(d => d.CreatedDate < Midpoint).Select(d => d.TatHours).ToArray();
            var secondHalf = human.Where(d => d.CreatedDate >= Midpoint).Select(d => d.TatHours).ToArray();
            if (secondHalf.Length < 500)
            {
                continue;
            }

            var ratio = Median(secondHalf) / Median(firstHalf);
            Assert.True(ratio is > 0.6 and < 1.6, $"{market.Key}: median human TAT moved by x{ratio:0.00} between halves.");
        }

        var daily = Data.Decisions.GroupBy(d => d.FileDate).ToDictionary(g => g.Key, g => g.GroupBy(d => d.Market).ToDictionary(m => m.Key, m => m.Count() / (double)g.Count()));
        foreach (var market in daily.Values.SelectMany(v => v.Keys).Distinct().Where(m => daily.Values.Average(v => v.GetValueOrDefault(m)) > 0.03))
        {
            var shares = daily.Values.Select(v => v.GetValueOrDefault(market)).ToArray();
            Assert.True(shares.Max() < 1.4 * shares.Average(), $"{market}'s daily share jumps to {shares.Max():P1} (mean {shares.Average():P1}).");
        }
    }

    [Fact]
    public void Generator_WithoutIncidents_KeepsAutomatedEnforcementPerPolicySteady()
    {
        var automated = Data.Decisions.Where(d => !d.IsHuman).GroupBy(d => d.Policy).Where(g => g.Count() >= 3000);
        foreach (var policy in automated)
        {
            foreach (var week in policy.GroupBy(d => d.FileDate.DayNumber / 7).Where(w => w.Count() >= 300))
            {
                var rate = week.Count(d => d.IsEnforcement) / (double)week.Count();
                var overall = policy.Count(d => d.IsEnforcement) / (double)policy.Count();
                Assert.True(rate > 0.75 * overall, $"{policy.Key}: automated enforcement {rate:P1} in a week vs {overall:P1} overall.");
            }
        }
    }

    /// <summary>Every 5-day window of the second half, per group: the hit share inside and the chance of it under no change.</summary>
    private List<(string Group, DateOnly Start, double Share, double Chance)> ScanWindows<T>(
        IEnumerable<IGrouping<string, T>> groups, Func<T, DateOnly> dateOf, Func<T, bool> isHit)
    {
        var results = new List<(string, DateOnly, double, double)>();
        foreach (var group in groups)
        {
            for (var start = Midpoint; start.AddDays(4) <= Data.Dates.Last(); start = start.AddDays(1))
            {
                var end = start.AddDays(4);
                var inside = group.Where(x => dateOf(x) >= start && dateOf(x) <= end).ToArray();
                var outside = group.Where(x => dateOf(x) < start || dateOf(x) > end).ToArray();
                var hits = inside.Count(isHit);
                var chance = ProportionTest.ChanceOfRise(hits, inside.Length, outside.Count(isHit), outside.Length);
                results.Add((group.Key, start, inside.Length == 0 ? 0 : hits / (double)inside.Length, chance));
            }
        }

        return results;
    }

    /// <summary>The incident checks use a 0.001 chance for one known window; a scan of many windows divides it by their number.</summary>
    private static void AssertNoSpike(List<(string Group, DateOnly Start, double Share, double Chance)> scan, double minimumShare, string what)
    {
        var threshold = 0.001 / scan.Count;
        var spikes = scan.Where(x => x.Share >= minimumShare && x.Chance < threshold).ToArray();
        Assert.True(spikes.Length == 0, string.Join("; ", spikes.Select(x => $"{what} {x.Group}: {x.Share:P1} from {x.Start} (chance {x.Chance:G2})")));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
