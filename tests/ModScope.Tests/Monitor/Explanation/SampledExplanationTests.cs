using ModScope.Monitor.Explanation;
using ModScope.Tests.Query;

namespace ModScope.Tests.Monitor.Explanation;

/// <summary>
/// The explanation of a QA rate's alert, whose weeks' totals and screened segments are slicings of one request: its
/// current and baseline values and each cause's rates are the plain Hájek estimates over the files
/// (<see cref="PlainMetrics"/>: first audit per decision, weights N_h/n_h), the baseline the mean of the four weeks before.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class SampledExplanationTests(ParityFixture fixture)
{
    [Theory]
    [InlineData("over_enforcement_rate", "")]
    [InlineData("qa_accuracy", "US")]
    public async Task A_qa_alerts_totals_and_causes_are_the_plain_estimates(string metric, string market)
    {
        // The parity data's last full week (2026-09-21..27) after four whole weeks from 2026-08-24.
        var (from, to) = (new DateOnly(2026, 9, 21), new DateOnly(2026, 9, 27));
        var segment = market.Length == 0 ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["market"] = market };
        var explainer = new AlertExplainer(fixture.Catalog, fixture.Query, AlertExplainer.DrillOrder);

        var explanation = await explainer.ExplainAsync(metric, segment, from, to);

        double? Plain(DateOnly first, DateOnly last, Func<ModScope.Tests.Query.PlainData.Dec, bool> group) =>
            PlainMetrics.Compute(metric, fixture.Plain, first.ToDateTime(TimeOnly.MinValue), last.AddDays(1).ToDateTime(TimeOnly.MinValue),
                d => (market.Length == 0 || d.Market == market) && group(d), _ => true);
        Close(Plain(from, to, _ => true), explanation.Current);
        var before = Enumerable.Range(1, 4).Select(w => Plain(from.AddDays(-7 * w), to.AddDays(-7 * w), _ => true)).OfType<double>().ToList();
        Close(before.Average(), explanation.Baseline);
        foreach (var cause in explanation.Causes.Where(c => c.Conjunction.Keys.All(k => k is "decided_by" or "detection_source" or "site" or "market" or "policy")))
        {
            bool InCause(ModScope.Tests.Query.PlainData.Dec d) => cause.Conjunction.All(p => p.Value == p.Key switch
            {
                "decided_by" => d.By,
                "detection_source" => d.Source,
                "site" => d.Site ?? "(none)",
                "market" => d.Market,
                _ => d.Policy,
            });
            Close(Plain(from, to, InCause), cause.CurrentValue);
            Close(Plain(from.AddDays(-28), to.AddDays(-7), InCause), cause.BaselineValue);
        }
    }

    private static void Close(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1.0, Math.Abs(e)), $"expected {e:R}, got {a:R}");
        }
    }
}
