using ModScope.Monitor.Explanation;

namespace ModScope.Tests.Monitor.Explanation;

public sealed class SampledScreenTests
{
    /// <summary>An unweighted segment (effective sizes equal the audits): errors / audits now and in the baseline.</summary>
    private static SegmentRates Segment(string pairs, double errors, double audits, double baselineErrors, double baselineAudits) =>
        new(pairs.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]),
            errors, audits, audits, baselineErrors, baselineAudits, baselineAudits);

    [Fact]
    public void Z_is_the_pooled_two_proportion_statistic()
    {
        // 20/100 now against 40/400 before: pooled rate 60/500 = 0.12, variance 0.12 · 0.88 · (1/100 + 1/400) = 0.00132.
        var z = Segment("policy=a", 20, 100, 40, 400).Z;

        Assert.Equal(0.1 / Math.Sqrt(0.00132), z, 1e-12);
    }

    [Fact]
    public void Weighted_segments_test_at_their_effective_sample_size()
    {
        // The same rates estimated on a population 50 times the sample: the weighted counts do not change z, the
        // effective sizes (100 and 400) do.
        var weighted = new SegmentRates(new Dictionary<string, string> { ["site"] = "x" }, 1000, 5000, 100, 2000, 20000, 400);

        Assert.Equal(Segment("site=x", 20, 100, 40, 400).Z, weighted.Z, 1e-12);
        Assert.Equal(1000 - (5000 * 0.1), weighted.Excess, 1e-9);
    }

    [Fact]
    public void Candidates_are_the_significant_values_moving_with_the_total_most_explanatory_first()
    {
        // Baseline 5% everywhere. Now: policy a jumps to 30% on 400 audits (+100 errors over the 20 expected), policy b
        // rises by 2 errors on 400 (not significant), policy c falls to 1% (significant, but against the total's rise).
        // decided_by=automated holds a and half of b and c. The total's excess is 100 + 2 − 16 = 86 errors.
        var singles = new[]
        {
            Segment("policy=a", 120, 400, 100, 2000),
            Segment("policy=b", 22, 400, 100, 2000),
            Segment("policy=c", 4, 400, 100, 2000),
            Segment("decided_by=automated", 120 + 11 + 2, 800, 200, 4000),
            Segment("decided_by=human", 11 + 2, 400, 100, 2000),
        };
        var total = Segment("", 146, 1200, 300, 6000);

        var candidates = SampledScreen.Candidates(total, singles);

        // Ranked by extra errors: policy a carries 120 − 20 = 100, automated 133 − 40 = 93.
        Assert.Equal(["policy=a", "decided_by=automated"], candidates.Select(Name));
        Assert.Equal(146 - (1200 * 0.05), total.Excess, 1e-9);
    }

    [Fact]
    public void A_value_that_holds_every_row_of_the_segment_is_not_a_cause()
    {
        // Within decided_by=automated every audit has no site: site=(none) has the segment's own counts (40/400 now
        // against 100/2000 before: 20 extra errors, z ≈ 3.9), so it explains nothing; policy=a (35 against 5 expected)
        // is the cause.
        var total = Segment("", 40, 400, 100, 2000);
        var singles = new[]
        {
            Segment("site=(none)", 40, 400, 100, 2000),
            Segment("policy=a", 35, 100, 25, 500),
            Segment("policy=b", 5, 300, 75, 1500),
        };

        var candidates = SampledScreen.Candidates(total, singles);

        Assert.Equal(["policy=a"], candidates.Select(Name));
    }

    [Fact]
    public void A_value_narrows_to_the_segment_that_concentrates_its_change()
    {
        // Automated: 800 audits, 40 errors expected at 5%, 133 seen (93 extra). Policy a holds half the weight and 100
        // extra errors; b has 7 fewer than expected.
        var parent = Segment("decided_by=automated", 133, 800, 200, 4000);
        var children = new[]
        {
            Segment("decided_by=automated;policy=a", 120, 400, 100, 2000),
            Segment("decided_by=automated;policy=b", 13, 400, 100, 2000),
        };

        Assert.Equal("decided_by=automated;policy=a", Name(SampledScreen.Narrow(parent, children)!));
    }

    [Fact]
    public void A_value_narrows_to_a_child_with_less_than_two_thirds_of_its_change_when_the_rest_shows_none()
    {
        // Automated: 72 errors on 800 audits against 5% (40): 32 extra. Policy a: 35 on 300 against 15, 20 extra (62.5%,
        // under two thirds), z = 0.0667 / sqrt(0.0611 · 0.9389 · (1/300 + 1/1500)) ≈ 4.40. The rest, policy b: 37 on 500
        // against 25, z = 0.024 / sqrt(0.054 · 0.946 · (1/500 + 1/2500)) ≈ 2.17, under the critical 2.24 for two children.
        var parent = Segment("decided_by=automated", 72, 800, 200, 4000);
        var children = new[]
        {
            Segment("decided_by=automated;policy=a", 35, 300, 75, 1500),
            Segment("decided_by=automated;policy=b", 37, 500, 125, 2500),
        };

        Assert.InRange(children[1].Z, 2.1, 2.24);
        Assert.Equal("decided_by=automated;policy=a", Name(SampledScreen.Narrow(parent, children)!));
    }

    [Fact]
    public void A_value_does_not_narrow_to_a_segment_holding_nearly_all_its_weight()
    {
        // A site staffed only by humans: decided_by=human is the whole site, so naming it adds nothing.
        var parent = Segment("site=x", 60, 400, 100, 2000);
        var children = new[] { Segment("site=x;decided_by=human", 60, 400, 100, 2000) };

        Assert.Null(SampledScreen.Narrow(parent, children));
    }

    [Fact]
    public void A_value_does_not_narrow_when_its_change_is_spread_out()
    {
        // Four policies share the site's extra errors evenly: each is significant (z ≈ 2.75 against a critical 2.50 for
        // four children), but none carries two thirds of them and the rest of each (60 on 600 against 30) is significant.
        var parent = Segment("site=x", 80, 800, 200, 4000);
        var children = Enumerable.Range(0, 4).Select(i => Segment($"site=x;policy=p{i}", 20, 200, 50, 1000)).ToList();

        Assert.Null(SampledScreen.Narrow(parent, children));
    }

    [Fact]
    public void Distinct_drops_a_value_a_narrower_cause_explains_and_repeats()
    {
        var pair = Segment("decided_by=automated;policy=a", 120, 400, 100, 2000); // excess 100
        var policy = Segment("policy=a", 125, 500, 125, 2500);                       // excess 100: the pair carries all of it
        var site = Segment("site=y", 40, 300, 75, 1500);                             // excess 25: unrelated
        var again = Segment("policy=a;decided_by=automated", 120, 400, 100, 2000);

        var kept = SampledScreen.Distinct([policy, pair, site, again]);

        Assert.Equal(["decided_by=automated;policy=a", "site=y"], kept.Select(Name));
    }

    [Fact]
    public void Distinct_keeps_one_name_for_the_same_rows()
    {
        // Automated decisions have no site: site=(none) is the same audits under another name.
        var automated = Segment("decided_by=automated", 133, 800, 200, 4000);
        var noSite = Segment("site=(none)", 133, 800, 200, 4000);

        Assert.Equal(["decided_by=automated"], SampledScreen.Distinct([automated, noSite]).Select(Name));
    }

    [Fact]
    public void Critical_value_is_bonferroni_corrected()
    {
        // One test at 5% two-sided: 1.959964; twenty tests: Φ⁻¹(1 − 0.05/40) = 3.023341 (standard normal quantile).
        Assert.Equal(1.959964, SampledScreen.Critical(1), 1e-6);
        Assert.Equal(3.023341, SampledScreen.Critical(20), 1e-6);
    }

    private static string Name(SegmentRates s) =>
        string.Join(';', s.Conjunction.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
