namespace ModScope.Synthetic;

/// <summary>File order of a day's decisions: by decision time, then by id (created day, then sequence).</summary>
internal static class DecisionOrder
{
    public static SimDecision[] Sort(IEnumerable<SimDecision> decisions)
    {
        var sorted = decisions.ToArray();
        var keys = new (long DecidedTicks, int CreatedDay, int Sequence)[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            keys[i] = (sorted[i].DecidedAt.Ticks, sorted[i].CreatedDay, sorted[i].Sequence);
        }

        Array.Sort(keys, sorted);
        return sorted;
    }
}
