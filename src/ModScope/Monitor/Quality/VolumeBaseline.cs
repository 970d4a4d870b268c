namespace ModScope.Monitor.Quality;

/// <summary>
/// The seasonal volume baseline (shared DOMAIN.md 1.10), pure: rows per segment and day, missing days counted as zero
/// from the segment's first day on; each judged day against the same weekday of the trailing weeks, as a robust
/// z-score of ln(count + 1) with the median as centre and 1.4826 × MAD as spread (floored). Returns only the days
/// beyond both limits, by day then segment. Medians interpolate as DuckDB's <c>median</c> and <c>mad</c> do.
/// </summary>
internal static class VolumeBaseline
{
    /// <param name="daily">Rows per (segment, day) in [<paramref name="from"/>, <paramref name="until"/>); absent days had none.</param>
    /// <param name="from">The first day of the history.</param>
    /// <param name="until">The day after the last day judged.</param>
    /// <param name="checkFrom">The first day judged.</param>
    /// <param name="settings">Limits.</param>
    public static IReadOnlyList<(string Segment, DateOnly Day, long Rows, double Expected, double Z)> Judge(
        IReadOnlyDictionary<(string Segment, DateOnly Day), long> daily, DateOnly from, DateOnly until, DateOnly checkFrom, VolumeSettings settings)
    {
        var judged = new List<(string, DateOnly, long, double, double)>();
        foreach (var segment in daily.Keys.GroupBy(k => k.Segment, StringComparer.Ordinal))
        {
            var first = segment.Min(k => k.Day);
            long Rows(DateOnly day) => daily.TryGetValue((segment.Key, day), out var n) ? n : 0;
            for (var day = first > checkFrom ? first : checkFrom; day < until; day = day.AddDays(1))
            {
                var baseline = Enumerable.Range(1, settings.BaselineWeeks).Select(w => day.AddDays(-7 * w))
                    .Where(d => d >= first && d >= from).Select(d => Math.Log(Rows(d) + 1)).ToList();
                if (baseline.Count == 0 || baseline.Count < settings.MinBaselineWeeks)
                {
                    continue;
                }
                var centre = Median(baseline);
                var mad = Median(baseline.Select(x => Math.Abs(x - centre)).ToList());
                var rows = Rows(day);
                var expected = Math.Exp(centre) - 1;
                var z = (Math.Log(rows + 1) - centre) / Math.Max(1.4826 * mad, settings.MinSpread);
                if (expected > 0 && expected >= settings.MinExpectedRows && Math.Abs(z) > settings.RobustZ
                    && Math.Abs(rows / expected - 1) > settings.RelativeChange)
                {
                    judged.Add((segment.Key, day, rows, expected, z));
                }
            }
        }
        return judged.OrderBy(j => j.Item2).ThenBy(j => j.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>The continuous median: the middle value, or lo·(1 − d) + hi·d between the two middle ones.</summary>
    private static double Median(List<double> values)
    {
        values.Sort();
        var position = 0.5 * (values.Count - 1);
        var low = (int)Math.Floor(position);
        var fraction = position - low;
        return fraction == 0 ? values[low] : values[low] * (1 - fraction) + values[low + 1] * fraction;
    }
}
