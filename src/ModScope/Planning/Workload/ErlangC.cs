namespace ModScope.Planning.Workload;

/// <summary>
/// The M/M/n queue (Erlang 1917): n agents, Poisson arrivals, exponential handling, callers wait as long as it takes.
/// Offered traffic A = λ·AHT in Erlangs. The chance to wait is computed through the Erlang B recursion
/// B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), then C = n·B / (n − A·(1 − B)), which stays stable for hundreds of
/// agents; the service level is P(W ≤ t) = 1 − C·e^{−(n − A)·t/AHT} (Cooper, Introduction to Queueing Theory, 1981).
/// </summary>
public static class ErlangC
{
    /// <summary>P(an arrival waits) with <paramref name="agents"/> agents and <paramref name="traffic"/> Erlangs; 1 when n ≤ A.</summary>
    public static double WaitProbability(int agents, double traffic)
    {
        Check(agents, traffic);
        if (traffic == 0)
        {
            return 0.0;
        }

        if (agents <= traffic)
        {
            return 1.0;
        }

        var b = 1.0;
        for (var k = 1; k <= agents; k++)
        {
            b = traffic * b / (k + (traffic * b));
        }

        return agents * b / (agents - (traffic * (1.0 - b)));
    }

    /// <summary>P(an arrival is answered within <paramref name="targetSeconds"/>); 0 when n ≤ A (the queue grows without bound).</summary>
    public static double ServiceLevel(int agents, double traffic, double handlingSeconds, double targetSeconds)
    {
        Check(agents, traffic);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(handlingSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(targetSeconds);
        if (traffic == 0)
        {
            return 1.0;
        }

        if (agents <= traffic)
        {
            return 0.0;
        }

        return 1.0 - (WaitProbability(agents, traffic) * Math.Exp(-(agents - traffic) * targetSeconds / handlingSeconds));
    }

    /// <summary>
    /// The fewest agents whose service level reaches <paramref name="target"/> for <paramref name="arrivalsPerHour"/>
    /// arrivals of <paramref name="handlingSeconds"/> each; 0 when nothing arrives.
    /// </summary>
    public static int AgentsFor(double arrivalsPerHour, double handlingSeconds, double targetSeconds, double target)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(arrivalsPerHour);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(handlingSeconds);
        if (!(target > 0 && target < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A service-level target must lie strictly between 0 and 1.");
        }

        var traffic = arrivalsPerHour * handlingSeconds / 3600.0;
        if (traffic == 0)
        {
            return 0;
        }

        var agents = Math.Max(1, (int)Math.Floor(traffic) + 1);
        while (ServiceLevel(agents, traffic, handlingSeconds, targetSeconds) < target)
        {
            agents++;
        }

        return agents;
    }

    private static void Check(int agents, double traffic)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        if (!(traffic >= 0) || double.IsInfinity(traffic))
        {
            throw new ArgumentOutOfRangeException(nameof(traffic), traffic, "Offered traffic must be finite and not negative.");
        }
    }
}
