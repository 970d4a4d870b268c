using ModScope.Planning.Opportunities;

namespace ModScope.Tests.Planning.Opportunities;

public sealed class QaReallocationTests
{
    private static QaDomain Domain(double enforceAudits, double approveAudits) =>
        new(new Dictionary<string, string> { ["site"] = "S1" }, 1,
            [new QaStratum("enforce", 2000, enforceAudits, 0.95), new QaStratum("approve", 8000, approveAudits, 0.98)]);

    [Fact]
    public void An_over_sampled_small_stratum_gives_the_same_precision_with_fewer_audits()
    {
        var o = Assert.Single(QaReallocation.Find([Domain(500, 100)], new OpportunitySettings()));

        // By hand: p̃ = (475.5/501, 98.5/101) = (0.949102, 0.975248); S = (0.219789, 0.155368); W = (0.2, 0.8).
        // V = 0.04·0.048307/500·0.75 + 0.64·0.024139/100·0.9875 = 1.554569e-4.
        // n* = (0.2·0.219789 + 0.8·0.155368)² / (V + (0.2·0.048307 + 0.8·0.024139)/10000) = 0.0283088 / 1.583542e-4 = 178.77.
        Assert.Equal(600 - 178.77, o.Size.Value, 0);
        Assert.Equal(SizeUnit.Audits, o.Size.Unit);
        Assert.True(o.Size.Low < o.Size.Value && o.Size.Value < o.Size.High);
        // 421.2 audits of 6 minutes = 42.12 auditor hours, at 25 an hour.
        Assert.Equal(42.12, o.HoursPerWeek, 1);
        Assert.Equal(o.HoursPerWeek * 25, o.MoneyPerWeek, 9);
        var proposed = o.Evidence.Where(e => e.Key == "stratum_neyman_audits_per_week").ToDictionary(e => e.About!, e => e.Value!.Value);
        // Neyman shares N_h·S_h: 2000·0.219789 = 439.6 and 8000·0.155368 = 1242.9 → 26.1% and 73.9% of 179.
        Assert.Equal(47, proposed["enforce"]);
        Assert.Equal(132, proposed["approve"]);
    }

    [Fact]
    public void A_design_already_close_to_neyman_is_no_opportunity()
    {
        Assert.Empty(QaReallocation.Find([Domain(160, 440)], new OpportunitySettings()));
    }

    [Fact]
    public void The_variance_at_the_same_cost_is_lower_under_neyman()
    {
        var o = Assert.Single(QaReallocation.Find([Domain(500, 100)], new OpportunitySettings()));

        // (ΣWS)²/n − ΣWS²/N = 0.0283088/600 − 2.89726e-6 = 4.42884e-5; over V = 1.554569e-4: 0.2849.
        Assert.Equal(0.2849, o.Value("variance_ratio_same_cost")!.Value, 3);
    }
}
