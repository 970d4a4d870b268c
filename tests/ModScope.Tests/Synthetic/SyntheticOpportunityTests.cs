using System.Globalization;
using ModScope.Synthetic;
using System.Text.Json;
using ModScope.Tests.Support;

namespace ModScope.Tests.Synthetic;

/// <summary>
/// Every opportunity listed in opportunities.json must be visible in the raw files by a plain computation: the slow
/// site's handling times against the other sites' on the same object types, its size from the staffing files, and
/// the over-sampled site's enforce audits against the other sites', the automation candidate's own audits and its size
/// from its human handling seconds, and the understaffed site's shortfall from its handling and scheduled hours.
/// </summary>
[Collection(IncidentDataSetCollection.Name)]
public sealed class SyntheticOpportunityTests(IncidentDataSetFixture fixture)
{
    private SyntheticDataSet Data => fixture.Data;

    private List<(string Kind, Dictionary<string, string> Subject, double Value, DateOnly First, DateOnly Last)> Planted()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Data.Folder, "opportunities.json")));
        return json.RootElement.EnumerateArray().Select(e => (
            e.GetProperty("kind").GetString()!,
            e.GetProperty("subject").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            e.GetProperty("value").GetDouble(),
            DateOnly.ParseExact(e.GetProperty("first").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(e.GetProperty("last").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
    }

    [Fact]
    public void Generator_PlantsASlowSiteAnOverSampledQaStratumAnAutomationCandidateAndAnUnderstaffedSiteOverTheLast28Days()
    {
        var planted = Planted();
        Assert.Equal(["automation", "qa-sampling", "site-productivity", "sla-risk"], planted.Select(p => p.Kind).Order(StringComparer.Ordinal));
        Assert.All(planted, p => Assert.Equal(Data.Dates.Last(), p.Last));
        Assert.All(planted, p => Assert.Equal(Data.Dates.Last().AddDays(-27), p.First));
        Assert.All(planted, p => Assert.True(p.Value > 0, $"{p.Kind} at {string.Join(',', p.Subject.Values)} has no size."));
        var sites = planted.Where(p => p.Kind != "automation").Select(p => p.Subject["site"]).ToArray();
        Assert.Equal(3, sites.Distinct().Count());
        var incidentTargets = Data.Incidents.SelectMany(i => i.Segment.Values).ToHashSet();
        Assert.All(sites, s => Assert.DoesNotContain(s, incidentTargets));
        var cell = planted.Single(p => p.Kind == "automation").Subject;
        Assert.Equal(["policy", "queue"], cell.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(cell["policy"], incidentTargets);
        Assert.DoesNotContain(Data.Decisions.First(d => d.Queue == cell["queue"]).Market, incidentTargets);
    }

    [Fact]
    public void Generator_AutomationCandidate_IsAuditedInStrataOfItsOwnAndSizedFromItsHumanHandlingSeconds()
    {
        var planted = Planted().Single(p => p.Kind == "automation");
        var (policy, queue) = (planted.Subject["policy"], planted.Subject["queue"]);
        bool InCell(DecisionRecord d) => d.Policy == policy && d.Queue == queue;
        var decisions = Data.Decisions.ToDictionary(d => d.Id);
        var strata = Data.Audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && a.StratumParts.Length == 4).GroupBy(a => a.Stratum).ToArray();
        Assert.Contains(strata, s => s.First().StratumParts[1] == "automated");
        Assert.Contains(strata, s => s.First().StratumParts[1] != "automated");
        foreach (var stratum in strata)
        {
            var parts = stratum.First().StratumParts;
            Assert.Equal($"{policy}/{queue}", parts[3]);
            Assert.All(stratum, a => Assert.True(InCell(decisions[a.DecisionId]), $"{a.AuditId} is not of the cell."));
            // At least 12 a stratum-day, or all when fewer; audits fall 1-3 days later, so only days whose audits are all in the data.
            if (stratum.First().StratumDate <= Data.Dates.Last().AddDays(-3))
            {
                Assert.InRange(stratum.First().SampleSize, Math.Min(12, stratum.First().Population), stratum.First().Population);
                Assert.Equal(stratum.First().SampleSize, stratum.Count());
            }
        }

        // Its automated decisions err half as often as the automated model elsewhere (enforce about 2.3% × difficulty,
        // approve 1.1% × difficulty; humans about 3-6%): under 4% of their first audits find an error.
        var automated = strata.Where(s => s.First().StratumParts[1] == "automated").SelectMany(s => s).ToArray();
        var errors = automated.Count(a => a.ErrorType != "none");
        Assert.True(errors < 0.04 * automated.Length, $"{errors} errors in {automated.Length} audits of the cell's automated decisions.");

        // Size: the cell's human handling seconds decided in the window, in hours a week.
        var seconds = Data.Decisions.Where(d => d.IsHuman && InCell(d) && d.FileDate >= planted.First && d.FileDate <= planted.Last).Sum(d => d.HandlingSeconds);
        Assert.Equal(seconds / 3600.0 / 4, planted.Value, 6);
    }

    [Fact]
    public void Generator_SlowSite_HandlesTheSameObjectTypes20PercentSlowerAndIsSizedFromItsProductiveHours()
    {
        var slow = Planted().Single(p => p.Kind == "site-productivity");
        var slowSite = slow.Subject["site"];
        var human = Data.Decisions.Where(d => d.IsHuman && d.HandlingSeconds > 0).ToArray();
        foreach (var type in human.Where(d => d.Site == slowSite).GroupBy(d => d.ObjectType).Where(g => g.Count() >= 300))
        {
            var peers = human.Where(d => d.ObjectType == type.Key && d.Site != slowSite).ToArray();
            // Medians: the handling time is lognormal, clamped at 8 s and 1800 s; 1.2 times the median is 1.2 times the median.
            var ratio = Median(type.Select(d => d.HandlingSeconds)) / Median(peers.Select(d => d.HandlingSeconds));
            Assert.InRange(ratio, 1.1, 1.3);
        }

        // Size: productive hours a week over the window that 1/1.2 of them would have done: H (1 − 1/1.2) / 4 weeks.
        var productive = Data.Staffing.Where(s => s.Site == slowSite && s.Date >= slow.First && s.Date <= slow.Last).Sum(s => s.Productive);
        Assert.Equal(productive * (1 - (1 / 1.2)) / 4, slow.Value, 6);
    }

    [Fact]
    public void Generator_UnderstaffedSite_IsSizedAsItsShortfallAtThePlanningTargetsWeekdayByWeekday()
    {
        var planted = Planted().Single(p => p.Kind == "sla-risk");
        var site = planted.Subject["site"];
        // The window's days but the 11.11 peak's (November 10-12), which a plan forecasts as an event.
        static bool Peak(DateOnly d) => d.Month == 11 && d.Day is >= 10 and <= 12;
        var days = Enumerable.Range(0, planted.Last.DayNumber - planted.First.DayNumber + 1).Select(planted.First.AddDays).Where(d => !Peak(d)).ToArray();
        var handling = Data.Decisions.Where(d => d.IsHuman && d.Site == site && d.FileDate >= planted.First && !Peak(d.FileDate)).ToLookup(d => d.FileDate.DayOfWeek, d => d.HandlingSeconds / 3600.0);
        var scheduled = Data.Staffing.Where(s => s.Site == site && s.Date >= planted.First && !Peak(s.Date)).ToLookup(s => s.Date.DayOfWeek, s => s.Scheduled);
        // Planning targets 85% occupancy and 20% shrinkage: 1 / (0.85 × 0.8) scheduled hours per handling hour.
        var expected = 0.0;
        foreach (var weekday in days.Select(d => d.DayOfWeek).Distinct())
        {
            var n = days.Count(d => d.DayOfWeek == weekday);
            expected += Math.Max(0.0, (handling[weekday].Sum() / n / 0.68) - (scheduled[weekday].Sum() / n));
        }

        Assert.Equal(expected, planted.Value, 6);
        // Each day it rosters at most 1.15 scheduled hours per handling hour (each shift rounded to a quarter hour, at least
        // an hour; fewer when its usual shifts are fewer).
        foreach (var day in Data.Staffing.Where(s => s.Site == site).GroupBy(s => s.Date))
        {
            var work = Data.Decisions.Where(d => d.IsHuman && d.Site == site && d.FileDate == day.Key).Sum(d => d.HandlingSeconds) / 3600.0;
            Assert.InRange(day.Sum(s => s.Scheduled), day.Count(), Math.Max(day.Count(), (1.15 * work) + (0.125 * day.Count())));
        }

        // A sizeable share of what its work needs a week at the targets, not the whole of it (its shifts are cut, not gone).
        var weekly = Data.Decisions.Where(d => d.IsHuman && d.Site == site && d.FileDate >= planted.First).Sum(d => d.HandlingSeconds) / 3600.0 / 4;
        Assert.InRange(planted.Value, 0.05 * weekly / 0.68, 0.5 * weekly / 0.68);
    }

    [Fact]
    public async Task Generator_QaSite_AuditsThreeTimesAsManyEnforcementsADay()
    {
        // The shared data set's sites have too few enforcements a day for a sample of 60-90 to differ from a census.
        using var folder = new TempFolder();
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(folder.Path, 5, 15000, 11));
        var data = SyntheticDataSet.Load(folder.Path);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "opportunities.json")));
        var site = json.RootElement.EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "qa-sampling").GetProperty("subject").GetProperty("site").GetString();
        // A site's stratum-day may be split in two: the automation candidate's decisions (a fourth part, up to 12 more
        // audits) and the rest; together they are the ordinary draw plus the cell's extra. Only days whose audits are all in
        // the data (1-3 days later), so no part is missing.
        var enforce = data.Audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && a.StratumParts[2] == "enforce" && a.StratumParts[1] != "automated"
                && a.StratumDate <= data.Dates.Last().AddDays(-3))
            .GroupBy(a => a.Stratum).Select(g => (Site: g.First().StratumParts[1], g.First().StratumDate, g.First().Population, g.First().SampleSize))
            .GroupBy(s => (s.Site, s.StratumDate)).Select(g => (g.Key.Site, Population: g.Sum(s => s.Population), SampleSize: g.Sum(s => s.SampleSize))).ToArray();
        Assert.NotEmpty(enforce);
        // Sites sample 20-30 a stratum-day (or all when fewer), plus up to 12 of the candidate's; the planted site 3 × 20-30 (never split).
        Assert.All(enforce.Where(s => s.Site != site), s => Assert.InRange(s.SampleSize, Math.Min(20, s.Population), 30 + 12));
        Assert.All(enforce.Where(s => s.Site == site), s => Assert.InRange(s.SampleSize, Math.Min(60, s.Population), 90));
        Assert.Contains(enforce, s => s.Site == site && s.SampleSize > 30);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }
}
