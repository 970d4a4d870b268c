using ModScope.Planning.Workload;

namespace ModScope.Tests.Planning.Workload;

public sealed class ErlangTests
{
    /// <summary>The textbook Erlang C formula with factorials: (Aⁿ/n!·n/(n−A)) / (Σ_{k&lt;n} Aᵏ/k! + Aⁿ/n!·n/(n−A)).</summary>
    private static double PlainErlangC(int n, double a)
    {
        double Term(int k) => Math.Pow(a, k) / Enumerable.Range(1, k).Aggregate(1.0, (f, i) => f * i);
        var top = Term(n) * n / (n - a);
        return top / (Enumerable.Range(0, n).Sum(Term) + top);
    }

    [Fact]
    public void Two_erlangs_on_three_agents_wait_four_ninths_of_the_time()
    {
        // By hand: A³/3!·3/(3−2) = 4; Σ_{k<3} 2ᵏ/k! = 1 + 2 + 2 = 5; C = 4/9.
        Assert.Equal(4.0 / 9.0, ErlangC.WaitProbability(3, 2.0), 12);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(5, 3.7)]
    [InlineData(12, 10.0)]
    [InlineData(30, 24.0)]
    public void The_wait_probability_matches_the_factorial_formula(int agents, double traffic)
    {
        Assert.Equal(PlainErlangC(agents, traffic), ErlangC.WaitProbability(agents, traffic), 10);
    }

    [Fact]
    public void The_service_level_discounts_the_wait_probability_exponentially()
    {
        // 1 − 4/9 · e^{−(3−2)·20/180} = 1 − 0.444444 · 0.894839 = 0.602294.
        Assert.Equal(0.602294, ErlangC.ServiceLevel(3, 2.0, 180, 20), 6);
    }

    [Fact]
    public void Agents_are_the_fewest_that_reach_the_target()
    {
        // 100 arrivals an hour of 180 s = 5 Erlangs; 80% within 20 s. The plain search over the factorial formula decides.
        var expected = Enumerable.Range(6, 20).First(n => 1 - (PlainErlangC(n, 5.0) * Math.Exp(-(n - 5.0) * 20 / 180)) >= 0.8);

        Assert.Equal(expected, ErlangC.AgentsFor(100, 180, 20, 0.8));
    }

    [Fact]
    public void Too_few_agents_mean_everyone_waits_and_no_service_level()
    {
        Assert.Equal(1.0, ErlangC.WaitProbability(2, 2.0));
        Assert.Equal(0.0, ErlangC.ServiceLevel(2, 3.0, 100, 60));
        Assert.Equal(0, ErlangC.AgentsFor(0, 100, 60, 0.8));
    }

    [Fact]
    public void Erlang_A_with_patience_equal_to_handling_is_an_infinite_server_queue()
    {
        // When θ = μ every item leaves at rate μ whatever happens, so the number present is Poisson(A):
        // P(wait) = P(K ≥ n) and the abandoned share E[(K − n)⁺]/A.
        const double a = 4.0;
        const int n = 5;
        double Poisson(int k) => Math.Exp(-a + (k * Math.Log(a)) - Enumerable.Range(1, k).Sum(i => Math.Log(i)));
        var wait = 1.0 - Enumerable.Range(0, n).Sum(Poisson);
        var queued = Enumerable.Range(n + 1, 200).Sum(k => (k - n) * Poisson(k));

        var (w, abandoned) = ErlangA.Measures(n, arrivalsPerHour: 40, handlingSeconds: 360, patienceSeconds: 360);

        Assert.Equal(wait, w, 9);
        Assert.Equal(queued / a, abandoned, 9);
    }

    [Fact]
    public void Erlang_A_with_endless_patience_waits_as_Erlang_C()
    {
        var (wait, abandoned) = ErlangA.Measures(12, arrivalsPerHour: 200, handlingSeconds: 180, patienceSeconds: 1e9);

        Assert.Equal(PlainErlangC(12, 10.0), wait, 5);
        Assert.True(abandoned < 1e-5);
    }

    [Fact]
    public void Erlang_A_agents_keep_abandonment_under_the_limit()
    {
        var agents = ErlangA.AgentsFor(300, 120, 600, 0.02);

        Assert.True(ErlangA.Measures(agents, 300, 120, 600).Abandoned <= 0.02);
        Assert.True(ErlangA.Measures(agents - 1, 300, 120, 600).Abandoned > 0.02);
    }
}
