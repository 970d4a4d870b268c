namespace ModScope.Stats;

/// <summary>The integer allocation behind <see cref="SampleSize.Allocate"/>.</summary>
internal static class Allocator
{
    public static IReadOnlyList<StratumAllocation> Allocate(long total, IReadOnlyList<AllocationStratum> strata, AllocationMethod method, int minimum)
    {
        var caps = strata.Select(s => (double)s.Population).ToArray();
        var floors = strata.Select(s => (double)Math.Min(minimum, s.Population)).ToArray();
        if (total > caps.Sum())
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"Cannot sample {total} items from a population of {caps.Sum()}.");
        }

        if (total < floors.Sum())
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, $"{total} items cannot give each of the {strata.Count} strata its minimum of {minimum} ({floors.Sum()} needed).");
        }

        var sizes = method == AllocationMethod.Neyman
            ? strata.Select(s => s.Population * s.StandardDeviation).ToArray()
            : caps.ToArray();
        var ideal = Share(total, sizes, floors, caps);
        return Round(total, ideal, floors, caps)
            .Select((n, i) => new StratumAllocation(strata[i].Name, strata[i].Population, n))
            .ToList();
    }

    public static void Validate(IReadOnlyList<AllocationStratum> strata, string name)
    {
        ArgumentNullException.ThrowIfNull(strata, name);
        var issues = new List<string>();
        if (strata.Count == 0)
        {
            issues.Add("no strata were given");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in strata)
        {
            if (s is null)
            {
                issues.Add("a stratum is null");
                continue;
            }

            if (!seen.Add(s.Name ?? string.Empty))
            {
                issues.Add($"stratum '{s.Name}' appears more than once");
            }

            if (s.Population < 0)
            {
                issues.Add($"stratum '{s.Name}' has a negative population ({s.Population})");
            }

            if (!(s.StandardDeviation >= 0.0) || double.IsPositiveInfinity(s.StandardDeviation))
            {
                issues.Add($"stratum '{s.Name}' has standard deviation {s.StandardDeviation} (must be finite and not negative)");
            }
        }

        if (issues.Count > 0)
        {
            throw new ArgumentException("Invalid strata: " + string.Join("; ", issues) + ".", name);
        }
    }

    /// <summary>
    /// Real-valued n_h = clamp(λ·a_h, floor_h, cap_h) with λ chosen (bisection; the sum is monotone in λ) so that
    /// Σ n_h = total: the box-constrained optimum for sizes a_h. Strata with a_h = 0 keep their floor; if
    /// the others cannot absorb the total they are censused and the rest is shared ∝ N_h among the a_h = 0 ones.
    /// </summary>
    private static double[] Share(long total, double[] sizes, double[] floors, double[] caps)
    {
        var reachable = sizes.Select((a, i) => a > 0.0 ? caps[i] : floors[i]).Sum();
        if (total > reachable)
        {
            var idle = sizes.Select(a => a > 0.0 ? 0.0 : 1.0).ToArray();
            var proportional = caps.Select((c, i) => c * idle[i]).ToArray();
            var rest = Share(total - (long)Math.Round(caps.Where((_, i) => idle[i] == 0.0).Sum()), proportional, floors.Select((f, i) => f * idle[i]).ToArray(), caps.Select((c, i) => c * idle[i]).ToArray());
            return rest.Select((x, i) => idle[i] == 0.0 ? caps[i] : x).ToArray();
        }

        double Sum(double lambda) => sizes.Select((a, i) => Math.Clamp(lambda * a, floors[i], caps[i])).Sum();
        var low = 0.0;
        var high = sizes.Select((a, i) => a > 0.0 ? caps[i] / a : 0.0).Max();
        for (var step = 0; step < 200 && high - low > 0.0; step++)
        {
            var mid = (low + high) / 2.0;
            if (Sum(mid) < total)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return sizes.Select((a, i) => Math.Clamp(high * a, floors[i], caps[i])).ToArray();
    }

    /// <summary>Largest-remainder rounding that keeps the total and every bound.</summary>
    private static long[] Round(long total, double[] ideal, double[] floors, double[] caps)
    {
        var whole = ideal.Select((x, i) => (long)Math.Clamp(Math.Floor(x + 1e-9), floors[i], caps[i])).ToArray();
        var byRemainder = Enumerable.Range(0, ideal.Length).OrderByDescending(i => ideal[i] - whole[i]).ThenBy(i => i).ToArray();
        var remaining = total - whole.Sum();
        while (remaining > 0)
        {
            var grew = false;
            foreach (var i in byRemainder.Where(i => whole[i] < caps[i]).Take((int)Math.Min(remaining, int.MaxValue)))
            {
                whole[i]++;
                remaining--;
                grew = true;
            }

            if (!grew)
            {
                break;
            }
        }

        while (remaining < 0)
        {
            var shrank = false;
            foreach (var i in byRemainder.Reverse().Where(i => whole[i] > floors[i]).Take((int)Math.Min(-remaining, int.MaxValue)))
            {
                whole[i]--;
                remaining++;
                shrank = true;
            }

            if (!shrank)
            {
                break;
            }
        }

        return whole;
    }
}
