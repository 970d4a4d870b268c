using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace ModScope.Monitor.Detection;

/// <summary>
/// Finds the season of a regular series from its autocorrelation (computed by FFT, Wiener–Khinchin) after a
/// least-squares line is removed. A lag qualifies when it is a local peak of the autocorrelation, reaches 0.3 and
/// stands 0.1 above the lowest autocorrelation between half the lag and the lag (so a slow trend's smoothly falling
/// autocorrelation is not mistaken for a season), and the history holds at least three seasons. Calendar lags
/// (a day, a week) are preferred over other peaks; a week over a day only when it correlates clearly better.
/// </summary>
internal static class SeasonalityFinder
{
    private const double MinCorrelation = 0.3;
    private const double MinProminence = 0.1;

    public static int? Find(ReadOnlySpan<double> grid, int? daySlots, int? weekSlots)
    {
        var n = grid.Length;
        if (n < 12)
        {
            return null;
        }
        var acf = Autocorrelation(grid, maxLag: n / 2);
        bool Qualifies(int lag) => lag >= 2 && lag < acf.Length - 1 && 3 * lag <= n && IsPeak(acf, lag);

        var day = daySlots is { } d && Qualifies(d) ? d : (int?)null;
        var week = weekSlots is { } w && Qualifies(w) ? w : (int?)null;
        if (week is { } wk && (day is null || acf[wk] >= acf[day.Value] + 0.05))
        {
            return wk;
        }
        if (day is not null)
        {
            return day;
        }
        // The strongest peak; a multiple of a shorter qualifying peak that correlates almost as well is not preferred.
        int? best = null;
        for (var lag = 2; lag < acf.Length - 1 && 3 * lag <= n; lag++)
        {
            if (IsPeak(acf, lag) && (best is null || acf[lag] > acf[best.Value] + 0.05))
            {
                best = lag;
            }
        }
        return best;
    }

    private static bool IsPeak(double[] acf, int lag)
    {
        // Allow a peak one lag off the exact calendar lag (irregular sampling rounds slots).
        var at = lag;
        for (var k = Math.Max(1, lag - 1); k <= Math.Min(acf.Length - 1, lag + 1); k++)
        {
            if (acf[k] > acf[at])
            {
                at = k;
            }
        }
        if (at == 0 || at == acf.Length - 1 || acf[at] < acf[at - 1] || acf[at] < acf[at + 1] || acf[at] < MinCorrelation)
        {
            return false;
        }
        var valley = double.MaxValue;
        for (var k = Math.Max(1, lag / 2); k < lag; k++)
        {
            valley = Math.Min(valley, acf[k]);
        }
        return acf[at] - valley >= MinProminence;
    }

    private static double[] Autocorrelation(ReadOnlySpan<double> grid, int maxLag)
    {
        var n = grid.Length;
        // Remove the least-squares line.
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sx += i;
            sy += grid[i];
            sxx += (double)i * i;
            sxy += i * grid[i];
        }
        var slope = ((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx));
        var intercept = (sy - (slope * sx)) / n;
        var size = 1;
        while (size < 2 * n)
        {
            size <<= 1;
        }
        var buffer = new Complex[size];
        for (var i = 0; i < n; i++)
        {
            buffer[i] = new Complex(grid[i] - (intercept + (slope * i)), 0.0);
        }
        Fourier.Forward(buffer, FourierOptions.NoScaling);
        for (var i = 0; i < size; i++)
        {
            buffer[i] = new Complex(buffer[i].Magnitude * buffer[i].Magnitude, 0.0);
        }
        Fourier.Inverse(buffer, FourierOptions.NoScaling);
        var acf = new double[maxLag + 1];
        var zero = buffer[0].Real;
        for (var lag = 0; lag <= maxLag; lag++)
        {
            // Unbiased by overlap length, relative to lag 0.
            acf[lag] = zero <= 0.0 ? 0.0 : buffer[lag].Real / zero * n / (n - lag);
        }
        return acf;
    }
}
