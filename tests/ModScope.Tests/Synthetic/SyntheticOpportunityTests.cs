using System.Globalization;
using ModScope.Synthetic;
using System.Text.Json;
using ModScope.Tests.Support;

namespace ModScope.Tests.Synthetic;

/// <summary>
/// Every opportunity listed in opportunities.json must be visible in the raw files by a plain computation: the slow
/// site's handling times against the other sites' on the same object types, its size from the staffing files, and
/// the over-sampled site's enforce audits against the other sites', the automation candidate's own audits and its size
/// from its human handling seconds, and the understaffed site's shortfall on the coming peak from its handling hours by
/// market and its scheduled hours.
/// </summary>
[Collection(IncidentDataSetCollection.Name)]
public sealed class SyntheticOpportunityTests(IncidentDataSetFixture fixture)
{
    private SyntheticDataSet Data => fixture.Data;

    private List<(string Kind, Dictionary<string, string> Subject, double Value, DateOnly First, DateOnly Last)> Planted() => Planted(Data.Folder);

    private static List<(string Kind, Dictionary<string, string> Subject, double Value, DateOnly First, DateOnly Last)> Planted(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "opportunities.json")));
        return json.RootElement.EnumerateArray().Select(e => (
            e.GetProperty("kind").GetString()!,
            e.GetProperty("subject").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            e.GetProperty("value").GetDouble(),
            DateOnly.ParseExact(e.GetProperty("first").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(e.GetProperty("last").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
    }

    [Fact]
    public void Generator_PlantsASlowSiteAnOverSampledQaStratumAndAnAutomationCandidateOverTheLast28Days()
    {
        // The shared data set ends on 2026-09-27: no sized peak (11.11, November 10-13) in the 28 days after it, so no
        // site is understaffed for one.
        var planted = Planted();
        Assert.Equal(["automation", "qa-sampling", "site-productivity"], planted.Select(p => p.Kind).Order(StringComparer.Ordinal));
        Assert.All(planted, p => Assert.Equal(Data.Dates.Last(), p.Last));
        Assert.All(planted, p => Assert.Equal(Data.Dates.Last().AddDays(-27), p.First));
        Assert.All(planted, p => Assert.True(p.Value > 0, $"{p.Kind} at {string.Join(',', p.Subject.Values)} has no size."));
        var sites = planted.Where(p => p.Kind != "automation").Select(p => p.Subject["site"]).ToArray();
        Assert.Equal(2, sites.Distinct().Count());
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

        // Its automated decisions err a fifth as often as the automated model elsewhere (enforce about 0.9% × difficulty,
        // approve 0.4% × difficulty; humans about 3-6%): under 4% of their first audits find an error.
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
    public async Task Generator_UnderstaffedSite_IsSizedAsItsShortfallOnTheComingPeakAtThePlanningTargets()
    {
        // 35 days ending 2026-10-18: the 28 days ahead hold 11.11 (catalog/events.yaml: SEA, uplift 1.8; the generator raises November 10-12).
        using var folder = new TempFolder();
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(folder.Path, 35, 3000, 11, Start: new DateOnly(2026, 9, 14)));
        var data = SyntheticDataSet.Load(folder.Path);
        var planted = Planted(folder.Path);
        var understaffed = Assert.Single(planted, p => p.Kind == "sla-risk");
        var site = understaffed.Subject["site"];
        var slowSite = planted.Single(p => p.Kind == "site-productivity").Subject["site"];
        Assert.NotEqual(slowSite, site);
        Assert.Equal((new DateOnly(2026, 9, 21), new DateOnly(2026, 10, 18)), (understaffed.First, understaffed.Last));

        // Each day it rosters 5% above the planning targets: 1.05 / (0.85 × 0.8) = 1.5441 scheduled hours per handling hour,
        // each shift rounded to a quarter hour (±0.125 h a shift), at least an hour.
        var rostered = 0;
        foreach (var day in data.Staffing.Where(s => s.Site == site).GroupBy(s => s.Date))
        {
            var handled = data.Decisions.Where(d => d.IsHuman && d.Site == site && d.FileDate == day.Key).Sum(d => d.HandlingSeconds) / 3600.0;
            var target = 1.05 / (0.85 * 0.8) * handled;
            Assert.InRange(day.Sum(s => s.Scheduled), Math.Max(day.Count(), target - (0.125 * day.Count())), Math.Max(day.Count(), target + (0.125 * day.Count())));
            rostered++;
        }

        Assert.Equal(35, rostered);

        // It is the site with the most human work from SEA markets (the peak's) among those with at least 80% of their
        // human work from them that no incident touches, the slow site left out: expected volumes choose it, so the
        // realised ones may differ by noise (within 10%).
        var touched = data.Incidents.SelectMany(i => i.Segment.Values).Append(slowSite).ToHashSet();
        var seaMarkets = ModScope.Model.ReferenceData.Shipped.Markets.Where(m => m.Region == "SEA").Select(m => m.Code).ToHashSet();
        var human = data.Decisions.Where(d => d.IsHuman && !string.IsNullOrEmpty(d.Site)).GroupBy(d => d.Site)
            .ToDictionary(g => g.Key, g => (Sea: g.Count(d => seaMarkets.Contains(d.Market)), All: g.Count()));
        Assert.True(human[site].Sea >= 0.75 * human[site].All, $"{site}: {human[site].Sea} of {human[site].All} human decisions from SEA");
        var rivals = human.Where(kv => !touched.Contains(kv.Key) && kv.Value.Sea >= 0.8 * kv.Value.All).Select(kv => kv.Value.Sea).DefaultIfEmpty(0);
        Assert.True(human[site].Sea >= 0.9 * rivals.Max(), $"{site} has {human[site].Sea} SEA decisions; the most at a qualifying untouched site is {rivals.Max()}");

        // Truth by a second computation: the 28 days ahead hour by hour, each weekday's mean handling hours by queue (the
        // SEA markets' ×1.8 on November 10-12) arriving evenly and due SLA hours later, against the weekday's mean scheduled
        // hours at the targets (× 0.85 × 0.8) spread evenly. With slack on usual days and one peak, the fewest extra hours
        // that meet every deadline is the largest excess, over any stretch of hours [s, t], of the work arriving from s on
        // and due by t over the capacity in it (earliest-deadline-first feasibility); in scheduled hours, over four weeks.
        var sea = ModScope.Model.ReferenceData.Shipped.Markets.Where(m => m.Region == "SEA").Select(m => m.Code).ToHashSet();
        var slaOf = ModScope.Model.ReferenceData.Shipped.Queues.ToDictionary(q => q.QueueId, q => (int)q.SlaHours);
        var window = Enumerable.Range(0, 28).Select(understaffed.First.AddDays).ToArray();
        var ahead = Enumerable.Range(1, 28).Select(understaffed.Last.AddDays).ToArray();
        var hours = ahead.Length * 24;
        var arrivals = slaOf.Values.Distinct().ToDictionary(c => c, _ => new double[hours + 1]);
        var capacity = new double[hours + 1];
        for (var day = 0; day < ahead.Length; day++)
        {
            var days = window.Where(d => d.DayOfWeek == ahead[day].DayOfWeek).ToHashSet();
            var peak = ahead[day] >= new DateOnly(2026, 11, 10) && ahead[day] <= new DateOnly(2026, 11, 12);
            var roster = data.Staffing.Where(s => s.Site == site && days.Contains(s.Date)).Sum(s => s.Scheduled) / days.Count;
            foreach (var queue in data.Decisions.Where(d => d.IsHuman && d.Site == site && days.Contains(d.FileDate)).GroupBy(d => d.Queue))
            {
                var work = queue.Sum(d => d.HandlingSeconds / 3600.0 * (peak && sea.Contains(d.Market) ? 1.8 : 1.0)) / days.Count;
                for (var h = 0; h < 24; h++)
                {
                    arrivals[slaOf[queue.Key]][(day * 24) + h + 1] += work / 24;
                }
            }

            for (var h = 0; h < 24; h++)
            {
                capacity[(day * 24) + h + 1] = roster * 0.68 / 24;
            }
        }

        // Prefix sums (index i = the first i hours).
        var arrivedBy = arrivals.ToDictionary(kv => kv.Key, kv => Prefix(kv.Value));
        var capacityBy = Prefix(capacity);
        var excess = 0.0;
        for (var from = 1; from <= hours; from++)
        {
            for (var to = from; to <= hours; to++)
            {
                var work = arrivedBy.Sum(kv => to - kv.Key >= from ? kv.Value[to - kv.Key] - kv.Value[from - 1] : 0.0);
                excess = Math.Max(excess, work - (capacityBy[to] - capacityBy[from - 1]));
            }
        }

        Assert.True(excess > 0, "the site's usual roster cannot carry the peak");
        Assert.Equal(excess / 0.68 / 4, understaffed.Value, 6);
    }

    private static double[] Prefix(double[] values)
    {
        var sums = new double[values.Length];
        for (var i = 1; i < values.Length; i++)
        {
            sums[i] = sums[i - 1] + values[i];
        }

        return sums;
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
