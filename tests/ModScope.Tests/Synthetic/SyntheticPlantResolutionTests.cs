using System.Text.Json;
using ModScope.Synthetic;
using ModScope.Tests.Support;

namespace ModScope.Tests.Synthetic;

/// <summary>
/// The QA and automation plants must be real, resolvable opportunities at the opportunity evaluation's settings
/// (<c>modscope eval --opportunities</c>: 63 days of 8,000 decisions), checked in the raw files by plain computations:
/// the over-sampled site audits clearly more enforcements than the other sites (seed 37 planted it where the ordinary
/// draw already took every enforcement), and the automation candidate's month of audits shows non-inferiority
/// (seed 41's candidate, its automated decisions planted at half the model's errors, about 2 points better than its
/// about 200 human decisions, was not admitted: its month's human accuracy 97.8%, automated 97.4%).
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

    [Fact]
    public async Task AutomationPlant_OnSeed41_PassesTheNonInferiorityTestOnItsLast28DaysOfAudits()
    {
        using var folder = new TempFolder();
        var (data, planted) = await GenerateAsync(folder, 41);
        var (policy, queue) = (planted["automation"]["policy"], planted["automation"]["queue"]);
        var window = data.Dates.Skip(data.Dates.Count() - 28).ToHashSet();
        var cell = data.Decisions.Where(d => d.Policy == policy && d.Queue == queue && window.Contains(d.FileDate)).ToDictionary(d => d.Id);

        // A second, plain computation of the finder's test (AutomationCandidates): each side's accuracy as the Hájek
        // ratio over its audits' strata (weight = population / sample size), its audits counted as they are (no finite
        // population correction: the question is the process's accuracy, not the month's), Agresti-Caffo p̃ = (x + 1)/(n + 2),
        // and the one-sided 90% lower bound (z = 1.2816) of automated − human above −1 point.
        (double P, double N) Side(bool human)
        {
            var audits = data.Audits.Where(a => a.AuditId.EndsWith("-1", StringComparison.Ordinal) && cell.TryGetValue(a.DecisionId, out var d)
                && d.IsHuman == human).ToArray();
            var weight = audits.Sum(a => (double)a.Population / a.SampleSize);
            var correct = audits.Where(a => a.ErrorType == "none").Sum(a => (double)a.Population / a.SampleSize);
            return (correct / weight, audits.Length);
        }

        var (pa, na) = Side(human: false);
        var (ph, nh) = Side(human: true);
        var (ta, th) = (((pa * na) + 1) / (na + 2), ((ph * nh) + 1) / (nh + 2));
        var lower = ta - th - (1.2816 * Math.Sqrt((ta * (1 - ta) / (na + 2)) + (th * (1 - th) / (nh + 2))));
        Assert.True(lower > -0.01, $"{policy} × {queue}: automated {pa:0.0000} ({na} audits), human {ph:0.0000} ({nh}), lower bound {lower:0.0000}.");
    }
}
