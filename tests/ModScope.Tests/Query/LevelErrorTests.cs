using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>
/// Standard errors of means, sums and cross-source ratios (<see cref="MetricRequest.LevelErrors"/>), checked against
/// the textbook formulas computed by hand from the plain rows.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class LevelErrorTests(ParityFixture fixture)
{
    private static readonly Period Weeks = new(new DateTime(2026, 8, 31), new DateTime(2026, 9, 21), "UTC", "3 weeks");

    /// <summary>z for a 95% two-sided interval, Φ⁻¹(0.975).</summary>
    private const double Z95 = 1.959963984540054;

    [Fact]
    public async Task A_mean_has_the_interval_of_its_standard_error_s_over_root_n()
    {
        var results = await fixture.Query.RunAsync(new MetricRequest(["aht_seconds"], ["market"], TimeGrain.None, [], Weeks) { LevelErrors = true });

        foreach (var r in results)
        {
            var x = Human(r.Dimensions["market"]!, d => d.Market).Select(d => d.Handling).ToList();
            var mean = x.Average();
            var s2 = x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1);
            var half = Z95 * Math.Sqrt(s2 / x.Count);
            Assert.Equal(mean - half, r.Interval!.Lower, 1e-6);
            Assert.Equal(mean + half, r.Interval.Upper, 1e-6);
        }
        Assert.NotEmpty(results);
    }

    [Fact]
    public async Task A_cost_per_decision_has_the_delta_method_interval_of_a_compound_poisson_sum_over_a_poisson_count()
    {
        var results = await fixture.Query.RunAsync(new MetricRequest(["cost_per_decision"], ["site"], TimeGrain.None, [], Weeks) { LevelErrors = true });

        foreach (var r in results.Where(r => r.Value is not null))
        {
            var site = r.Dimensions["site"]!;
            var costs = fixture.Plain.Staffing.Where(s => s.Site == site && s.Date >= Weeks.Start && s.Date < Weeks.End)
                .Select(s => s.Scheduled * s.Cost).ToList();
            double decisions = Human(site, d => d.Site).Count;
            var (cost, squares) = (costs.Sum(), costs.Sum(c => c * c));
            var ratio = cost / decisions;
            // Var(C/D) ≈ (C/D)² (Var C / C² + Var D / D²), Var C = Σ c², Var D = D.
            var half = Z95 * Math.Sqrt(ratio * ratio * ((squares / (cost * cost)) + (1 / decisions)));
            Assert.Equal(ratio, r.Value!.Value, 1e-9);
            Assert.Equal(ratio - half, r.Interval!.Lower, 1e-9);
            Assert.Equal(ratio + half, r.Interval.Upper, 1e-9);
        }
        Assert.Contains(results, r => r.Value is not null);
    }

    [Fact]
    public async Task A_ratio_of_two_sums_of_one_table_and_a_request_without_the_option_carry_no_interval()
    {
        var same = await fixture.Query.RunAsync(new MetricRequest(["utilisation"], [], TimeGrain.None, [], Weeks) { LevelErrors = true });
        var plain = await fixture.Query.RunAsync(new MetricRequest(["aht_seconds", "cost_per_decision"], [], TimeGrain.None, [], Weeks));

        Assert.Null(same.Single().Interval);
        Assert.All(plain, r => Assert.Null(r.Interval));
        Assert.All(plain, r => Assert.NotNull(r.Value));
    }

    private List<PlainData.Dec> Human(string value, Func<PlainData.Dec, string?> dimension) =>
        fixture.Plain.Decisions.Where(d => d.By == "human" && dimension(d) == value && d.Decided >= Weeks.Start && d.Decided < Weeks.End).ToList();
}
