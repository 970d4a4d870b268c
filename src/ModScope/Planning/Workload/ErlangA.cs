namespace ModScope.Planning.Workload;

/// <summary>
/// The M/M/n+M queue (Palm 1943; Erlang A in Garnett, Mandelbaum and Reiman 2002): as Erlang C, but a waiting item
/// leaves after an exponential patience of mean 1/θ — a livestream ends before anyone reviewed it. The number in the
/// system is a birth–death chain with birth rate λ and death rate min(k, n)·μ + max(0, k − n)·θ; its stationary law
/// is summed in log space until the terms vanish. By PASTA P(wait) = P(K ≥ n), and by flow balance the abandoned
/// share is θ·E[(K − n)⁺] / λ.
/// </summary>
public static class ErlangA
{
    private const int MaxStates = 100_000;

    /// <summary>The chance to wait and the share abandoned with <paramref name="agents"/> agents.</summary>
    /// <param name="agents">n.</param>
    /// <param name="arrivalsPerHour">λ.</param>
    /// <param name="handlingSeconds">1/μ.</param>
    /// <param name="patienceSeconds">1/θ, the mean time an item can wait.</param>
    public static (double Wait, double Abandoned) Measures(int agents, double arrivalsPerHour, double handlingSeconds, double patienceSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        ArgumentOutOfRangeException.ThrowIfNegative(arrivalsPerHour);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(handlingSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patienceSeconds);
        if (arrivalsPerHour == 0)
        {
            return (0.0, 0.0);
        }

        var lambda = arrivalsPerHour / 3600.0;
        var mu = 1.0 / handlingSeconds;
        var theta = 1.0 / patienceSeconds;
        var logTerms = new List<double> { 0.0 };
        var top = 0.0;
        for (var k = 1; k < MaxStates; k++)
        {
            var death = (Math.Min(k, agents) * mu) + (Math.Max(0, k - agents) * theta);
            logTerms.Add(logTerms[^1] + Math.Log(lambda / death));
            top = Math.Max(top, logTerms[^1]);
            if (k > agents && logTerms[^1] < top - 40.0)
            {
                break;
            }
        }

        var weights = logTerms.Select(l => Math.Exp(l - top)).ToArray();
        var total = weights.Sum();
        var wait = weights.Skip(agents).Sum() / total;
        var queued = weights.Select((w, k) => w * Math.Max(0, k - agents)).Sum() / total;
        return (wait, theta * queued / lambda);
    }

    /// <summary>The fewest agents that keep the abandoned share at or below <paramref name="maxAbandoned"/>.</summary>
    public static int AgentsFor(double arrivalsPerHour, double handlingSeconds, double patienceSeconds, double maxAbandoned)
    {
        if (!(maxAbandoned > 0 && maxAbandoned < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxAbandoned), maxAbandoned, "The largest abandoned share must lie strictly between 0 and 1.");
        }

        if (arrivalsPerHour == 0)
        {
            return 0;
        }

        var agents = 1;
        while (Measures(agents, arrivalsPerHour, handlingSeconds, patienceSeconds).Abandoned > maxAbandoned)
        {
            agents++;
        }

        return agents;
    }
}
