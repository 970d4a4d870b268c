namespace ModScope.Tests.Synthetic;

/// <summary>
/// Tells a real rise in a rate from sampling noise: the chance of seeing at least the inside hits if the
/// inside rate were the outside rate (binomial tail; the outside rate is Laplace-smoothed). Exact for the
/// small samples a site or policy gets in a few days. A rise needs at least three inside hits.
/// </summary>
public static class ProportionTest
{
    public static double ChanceOfRise(int insideHits, int insideCount, int outsideHits, int outsideCount)
    {
        if (insideHits < 3)
        {
            return 1.0;
        }

        var p = (outsideHits + 1.0) / (outsideCount + 2.0);
        var total = 0.0;
        for (var k = insideHits; k <= insideCount; k++)
        {
            total += Math.Exp(LogChoose(insideCount, k) + (k * Math.Log(p)) + ((insideCount - k) * Math.Log(1 - p)));
        }

        return Math.Min(1.0, total);
    }

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }

        return sum;
    }
}
