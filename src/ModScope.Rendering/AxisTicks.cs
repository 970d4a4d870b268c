namespace ModScope.Rendering;

/// <summary>
/// Where a chart's ticks go, so every tick label sits on its gridline and none overlap: "nice" steps (1, 2, 2.5 or 5
/// times a power of ten, the usual choice since Heckbert's "Nice numbers for graph labels", Graphics Gems 1990) whose
/// first and last ticks enclose the values, and, along a category axis, a label on every n-th point when all would not fit.
/// </summary>
public static class AxisTicks
{
    private static readonly double[] Steps = [1, 2, 2.5, 5, 10];

    /// <summary>
    /// Ticks from a multiple of the step at or below <paramref name="min"/> to one at or above <paramref name="max"/>,
    /// with the smallest nice step that needs at most <paramref name="maxTicks"/> ticks. Equal bounds get a step around them.
    /// </summary>
    public static IReadOnlyList<double> Nice(double min, double max, int maxTicks = 6)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            throw new ArgumentException($"Tick bounds must be finite with min <= max (min {min}, max {max}).", nameof(min));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        if (max - min < 1e-12)
        {
            var half = Math.Abs(min) > 0 ? Math.Abs(min) * 0.05 : 0.5;
            (min, max) = (min - half, max + half);
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10((max - min) / (maxTicks - 1))));
        foreach (var step in Steps.Select(s => s * power).Concat(Steps.Select(s => s * power * 10)))
        {
            var first = Math.Floor(min / step + 1e-9);
            var last = Math.Ceiling(max / step - 1e-9);
            if (last - first + 1 <= maxTicks)
            {
                return Enumerable.Range(0, (int)(last - first) + 1).Select(i => Math.Round((first + i) * step, 10)).ToList();
            }
        }
        throw new InvalidOperationException($"No nice step fits {maxTicks} ticks between {min} and {max}.");
    }

    /// <summary>The decimals a tick label needs to tell the ticks apart (2.5 → 1; 0.25 → 2; 5 → 0).</summary>
    public static int Decimals(IReadOnlyList<double> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        for (var decimals = 0; decimals < 10; decimals++)
        {
            if (ticks.All(t => Math.Abs(t - Math.Round(t, decimals)) < 1e-9))
            {
                return decimals;
            }
        }
        return 10;
    }

    /// <summary>
    /// Label every n-th of <paramref name="count"/> evenly spaced points along <paramref name="axisWidth"/> pixels so that
    /// labels <paramref name="labelWidth"/> wide keep <paramref name="gap"/> pixels apart: the smallest n with
    /// n × (axis width / count) ≥ label width + gap.
    /// </summary>
    public static int Stride(int count, double labelWidth, double axisWidth, double gap = 8)
    {
        if (count <= 1)
        {
            return 1;
        }
        var slot = axisWidth / count;
        return Math.Max(1, (int)Math.Ceiling((labelWidth + gap) / slot - 1e-9));
    }
}
