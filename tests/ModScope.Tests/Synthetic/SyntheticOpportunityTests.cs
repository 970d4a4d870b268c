using System.Globalization;
using ModScope.Synthetic;
using System.Text.Json;

namespace ModScope.Tests.Synthetic;

/// <summary>
/// Every opportunity listed in opportunities.json must be visible in the raw files by a plain computation: the slow
/// site's handling times against the other sites' on the same object types, its size from the staffing files, and
/// the over-sampled site's enforce audits against the other sites'.
/// </summary>
[Collection(IncidentDataSetCollection.Name)]
public sealed class SyntheticOpportunityTests(IncidentDataSetFixture fixture)
{
    private SyntheticDataSet Data => fixture.Data;

    private List<(string Kind, string Site, double Value, DateOnly First, DateOnly Last)> Planted()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Data.Folder, "opportunities.json")));
        return json.RootElement.EnumerateArray().Select(e => (
            e.GetProperty("kind").GetString()!,
            e.GetProperty("subject").GetProperty("site").GetString()!,
            e.GetProperty("value").GetDouble(),
            DateOnly.ParseExact(e.GetProperty("first").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(e.GetProperty("last").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
    }

    [Fact]
    public void Generator_PlantsASlowSiteAndAnOverSampledQaStratumOverTheLast28Days()
    {
        var planted = Planted();
        Assert.Equal(["qa-sampling", "site-productivity"], planted.Select(p => p.Kind).Order(StringComparer.Ordinal));
        Assert.All(planted, p => Assert.Equal(Data.Dates.Last(), p.Last));
        Assert.All(planted, p => Assert.Equal(Data.Dates.Last().AddDays(-27), p.First));
        Assert.All(planted, p => Assert.True(p.Value > 0, $"{p.Kind} at {p.Site} has no size."));
        Assert.Equal(2, planted.Select(p => p.Site).Distinct().Count());
        var incidentSites = Data.Incidents.SelectMany(i => i.Segment.Values).ToHashSet();
        Assert.All(planted, p => Assert.DoesNotContain(p.Site, incidentSites));
    }

    [Fact]
    public void Generator_SlowSite_HandlesTheSameObjectTypes20PercentSlowerAndIsSizedFromItsProductiveHours()
    {
        var slow = Planted().Single(p => p.Kind == "site-productivity");
        var human = Data.Decisions.Where(d => d.IsHuman && d.HandlingSeconds > 0).ToArray();
        foreach (var type in human.Where(d => d.Site == slow.Site).GroupBy(d => d.ObjectType).Where(g => g.Count() >= 300))
        {
            var peers = human.Where(d => d.ObjectType == type.Key && d.Site != slow.Site).ToArray();
            // Medians: the handling time is lognormal, clamped at 8 s and 1800 s; 1.2 times the median is 1.2 times the median.
            var ratio = Median(type.Select(d => d.HandlingSeconds)) / Median(peers.Select(d => d.HandlingSeconds));
            Assert.InRange(ratio, 1.1, 1.3);
        }

        // Size: productive hours a week over the window that 1/1.2 of them would have done: H (1 − 1/1.2) / 4 weeks.
        var productive = Data.Staffing.Where(s => s.Site == slow.Site && s.Date >= slow.First && s.Date <= slow.Last).Sum(s => s.Productive);
        Assert.Equal(productive * (1 - (1 / 1.2)) / 4, slow.Value, 6);
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
        var enforce = data.Audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && a.StratumParts[2] == "enforce" && a.StratumParts[1] != "automated")
            .GroupBy(a => a.Stratum).Select(g => (Site: g.First().StratumParts[1], g.First().Population, g.First().SampleSize)).ToArray();
        // Sites sample 20-30 a stratum-day (or all when fewer); the planted site 3 × 20-30.
        Assert.All(enforce.Where(s => s.Site != site), s => Assert.InRange(s.SampleSize, Math.Min(20, s.Population), 30));
        Assert.All(enforce.Where(s => s.Site == site), s => Assert.InRange(s.SampleSize, Math.Min(60, s.Population), 90));
        Assert.Contains(enforce, s => s.Site == site && s.SampleSize > 30);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }
}
