using ModScope.Planning.Opportunities;

namespace ModScope.Tests.Planning.Opportunities;

public sealed class AutomationCandidatesTests
{
    private static readonly OpportunitySettings Settings = new();

    private static AutomationCell Cell(string policy, double human, double automated, double humanAudits = 1000, double automatedAudits = 400) =>
        new(new Dictionary<string, string> { ["policy"] = policy, ["object_type"] = "listing" }, 700, 40, 20, 0.8,
            new AccuracyEstimate(human, humanAudits), new AccuracyEstimate(automated, automatedAudits));

    [Fact]
    public void Automation_more_accurate_than_humans_is_admitted_and_worth_the_human_hours()
    {
        var found = AutomationCandidates.Find([Cell("false_claims", human: 0.93, automated: 0.97)], Settings);

        var o = Assert.Single(found);
        // Agresti–Caffo by hand: p̃a = 389/402 = 0.967662, p̃h = 931/1002 = 0.929142; SEs √(p̃(1−p̃)/(n+2)):
        // 0.0088228 and 0.0081062; difference 0.038520 − z(0.9 one-sided) 1.281552 · 0.0119811 = 0.023166.
        Assert.Equal(0.023166, o.Value("difference_lower_bound")!.Value, 5);
        // 700 decisions × 40 s = 7.7778 handling hours; /(0.85 · 0.8) = 11.4379 scheduled; × 20 = 228.76.
        Assert.Equal(7.777778, o.Size.Value, 5);
        Assert.Equal(11.437908, o.HoursPerWeek, 5);
        Assert.Equal(228.758170, o.MoneyPerWeek, 4);
        Assert.Equal(SizeUnit.HandlingHours, o.Size.Unit);
        Assert.Equal(1, o.Rank);
    }

    [Fact]
    public void Automation_less_accurate_than_humans_is_not_a_candidate()
    {
        Assert.Empty(AutomationCandidates.Find([Cell("hate_speech", human: 0.95, automated: 0.90)], Settings));
    }

    [Fact]
    public void Slightly_less_accurate_automation_within_the_margin_is_a_candidate_when_the_samples_are_large()
    {
        // Difference ≈ −0.002 with SE ≈ 0.0014: the lower bound ≈ −0.0038 stays above −0.01.
        Assert.Single(AutomationCandidates.Find([Cell("counterfeit", human: 0.970, automated: 0.968, 20000, 20000)], Settings));
    }

    [Fact]
    public void A_nearly_censused_side_counts_its_audits_not_its_finite_population_effective_n()
    {
        // The query door's Kish n of 300 audits of ~310 decisions includes the finite population correction (12,000);
        // for the process the audits count: ForProcess keeps the smaller, and a smaller Kish n (unequal weights) stays.
        Assert.Equal(300, AccuracyEstimate.ForProcess(0.975, 12000, 300).EffectiveAudits);
        Assert.Equal(150, AccuracyEstimate.ForProcess(0.975, 150, 300).EffectiveAudits);
        Assert.Equal(300, AccuracyEstimate.ForProcess(0.975, null, 300).EffectiveAudits);

        // Level accuracies (0.975), 2,000 human audits. By hand, Agresti–Caffo: p̃h = 1951/2002 = 0.974525, SE 0.003521.
        // At 12,000 automated: p̃a = 11701/12002 = 0.974921, SE 0.001427; lower bound 0.000395 − 1.281552 · 0.003800 =
        // −0.004474, admitted. At 300: p̃a = 293.5/302 = 0.971854, SE 0.009517; −0.002671 − 1.281552 · 0.010148 =
        // −0.015676, below −0.01: the month's audits cannot show the process is within a point.
        var inflated = Cell("scams", human: 0.975, automated: 0.975, humanAudits: 2000, automatedAudits: 12000);
        Assert.Equal(-0.004474, Assert.Single(AutomationCandidates.Find([inflated], Settings)).Value("difference_lower_bound")!.Value, 5);
        var process = inflated with { Automated = AccuracyEstimate.ForProcess(0.975, 12000, 300) };
        Assert.Empty(AutomationCandidates.Find([process], Settings));
    }

    [Fact]
    public void Too_few_audits_on_either_side_decide_nothing()
    {
        Assert.Empty(AutomationCandidates.Find([Cell("scams", human: 0.90, automated: 0.99, automatedAudits: 12)], Settings));
        Assert.Empty(AutomationCandidates.Find([Cell("scams", 0.9, 0.99) with { Automated = null }], Settings));
    }

    [Fact]
    public void Candidates_are_ranked_by_money_per_week()
    {
        var small = Cell("a", 0.93, 0.97) with { HumanDecisionsPerWeek = 300 };
        var large = Cell("b", 0.93, 0.97) with { HumanDecisionsPerWeek = 900 };

        var found = AutomationCandidates.Find([small, large], Settings);

        Assert.Equal(["b", "a"], found.Select(o => o.Subject["policy"]));
        Assert.Equal([1, 2], found.Select(o => o.Rank));
    }
}
