using System.Text.Json;
using ModScope.Synthetic;
using ModScope.Tests.Support;

namespace ModScope.Tests.Synthetic;

/// <summary>
/// The QA and automation plants must be real, resolvable opportunities at the opportunity evaluation's settings
/// (<c>modscope eval --opportunities</c>: 63 days of 8,000 decisions), checked in the raw files by plain computations:
/// the over-sampled site audits clearly more enforcements than the other sites (seed 37 planted it where the ordinary
/// draw already took every enforcement).
/// </summary>
public sealed class SyntheticPlantResolutionTests
{
    private static async Task<(SyntheticDataSet Data, Dictionary<string, Dictionary<string, string>> Planted)> GenerateAsync(TempFolder folder, int seed)
    {
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(folder.Path, 63, 8000, seed));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "opportunities.json")));
        var planted = json.RootElement.EnumerateArray().ToDictionary(
            e => e.GetProperty("kind").GetString()!,
            e => e.GetProperty("subject").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
        return (SyntheticDataSet.Load(folder.Path), planted);
    }

    [Fact]
    public async Task QaPlant_OnSeed37_OverSamplesAnEnforceStratumLargerThanTheOrdinaryDraw()
    {
        using var folder = new TempFolder();
        var (data, planted) = await GenerateAsync(folder, 37);
        var site = planted["qa-sampling"]["site"];
        // Days whose audits (1-3 days later) are all in the data, over the last 28 days.
        var days = data.Dates.Skip(data.Dates.Count() - 28).Take(25).ToHashSet();

        // Its enforcements a day exceed the ordinary draw's largest sample (30), so a three-fold draw adds audits.
        var enforcements = data.Decisions.Count(d => d.IsHuman && d.Site == site && d.IsEnforcement && days.Contains(d.FileDate)) / (double)days.Count;
        Assert.True(enforcements > 30, $"{site} has {enforcements:0.0} enforcements a day: the ordinary 20-30 audits already take (nearly) all.");

        // Its enforce stratum's first audits a day, against the median human site's (ordinary: 20-30, or all when fewer).
        var perUnit = data.Audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && a.StratumParts.Length == 3
                && a.StratumParts[2] == "enforce" && a.StratumParts[1] != "automated" && days.Contains(a.StratumDate))
            .GroupBy(a => a.StratumParts[1]).ToDictionary(g => g.Key, g => g.Count() / (double)days.Count);
        var own = perUnit[site];
        var others = perUnit.Where(kv => kv.Key != site).Select(kv => kv.Value).Order().ToArray();
        var usual = others.Length % 2 == 1 ? others[others.Length / 2] : (others[(others.Length / 2) - 1] + others[others.Length / 2]) / 2;
        Assert.True(own >= 1.3 * usual, $"{site} audits {own:0.0} enforcements a day, the median other site {usual:0.0}.");
    }
}
