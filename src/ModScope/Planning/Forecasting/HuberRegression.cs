using MathNet.Numerics.LinearAlgebra;

namespace ModScope.Planning.Forecasting;

/// <summary>
/// Weighted least squares with Huber's M-estimation by iteratively reweighted least squares (Huber 1964; Holland and
/// Welsch 1977): each round, residuals beyond k robust spreads get weight k/|u|, so an incident week or a data gap
/// pulls the fit only as much as a residual of k spreads would. The spread is the normalised median absolute
/// residual (1.4826·MAD) over the rows marked for it. Columns no weighted row uses are left out (coefficient 0).
/// Solved through the normal equations (Cholesky) with a vanishing ridge, which keeps duplicate dummies (two events
/// on the same days) solvable.
/// </summary>
internal static class HuberRegression
{
    private const int MaxIterations = 30;
    private const double Tolerance = 1e-9;

    public static RegressionFit Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> y, IReadOnlyList<double> priorWeights, IReadOnlyList<bool> inSpread, double k)
    {
        var n = rows.Count;
        var p = rows[0].Length;
        var active = Enumerable.Range(0, p).Where(j => Enumerable.Range(0, n).Any(i => priorWeights[i] > 0 && rows[i][j] != 0.0)).ToArray();
        var robust = Enumerable.Repeat(1.0, n).ToArray();
        double[] beta = new double[p];
        Matrix<double> inverse = Matrix<double>.Build.Dense(active.Length, active.Length);
        var spread = 0.0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var (next, nextInverse) = Solve(rows, y, priorWeights, robust, active);
            var change = next.Zip(beta, (a, b) => Math.Abs(a - b)).Max();
            (beta, inverse) = (next, nextInverse);
            var residuals = Enumerable.Range(0, n).Select(i => y[i] - Dot(rows[i], beta)).ToArray();
            spread = Spread(residuals, inSpread);
            // A floor far below any real series' noise keeps rounding error in an exact fit from being read as outliers.
            var scale = Math.Max(spread, 1e-6);
            for (var i = 0; i < n; i++)
            {
                var u = Math.Abs(residuals[i]) / scale;
                robust[i] = u <= k ? 1.0 : k / u;
            }

            if (iteration > 0 && change < Tolerance)
            {
                break;
            }
        }

        var unscaled = new double[p, p];
        for (var a = 0; a < active.Length; a++)
        {
            for (var b = 0; b < active.Length; b++)
            {
                unscaled[active[a], active[b]] = inverse[a, b];
            }
        }

        return new RegressionFit(beta, unscaled, spread);
    }

    /// <summary>1.4826 · median |r| over the marked rows: σ for normal errors, unmoved by a few outliers.</summary>
    public static double Spread(IReadOnlyList<double> residuals, IReadOnlyList<bool> inSpread)
    {
        var absolute = residuals.Where((_, i) => inSpread[i]).Select(Math.Abs).Order().ToArray();
        if (absolute.Length == 0)
        {
            return 0.0;
        }

        var middle = absolute.Length / 2;
        var median = absolute.Length % 2 == 1 ? absolute[middle] : (absolute[middle - 1] + absolute[middle]) / 2.0;
        return 1.4826 * median;
    }

    private static (double[] Beta, Matrix<double> Inverse) Solve(IReadOnlyList<double[]> rows, IReadOnlyList<double> y, IReadOnlyList<double> priorWeights, double[] robust, int[] active)
    {
        // Accumulated in plain arrays (MathNet's indexers cost most of a forecast's CPU), in the same order as before.
        var m = active.Length;
        var gram = new double[m * m];
        var moment = new double[m];
        var x = new double[m];
        for (var i = 0; i < rows.Count; i++)
        {
            var w = priorWeights[i] * robust[i];
            if (w <= 0)
            {
                continue;
            }

            var row = rows[i];
            for (var a = 0; a < m; a++)
            {
                x[a] = row[active[a]];
            }

            for (var a = 0; a < m; a++)
            {
                var xa = x[a];
                if (xa == 0.0)
                {
                    continue;
                }

                moment[a] += w * xa * y[i];
                for (var b = 0; b < m; b++)
                {
                    // Column-major, as MathNet's dense storage: element (a, b) at b·m + a.
                    gram[(b * m) + a] += w * xa * x[b];
                }
            }
        }

        // A vanishing ridge relative to each column's own scale (Marquardt 1970) keeps the system positive definite.
        for (var a = 0; a < m; a++)
        {
            gram[(a * m) + a] *= 1.0 + 1e-9;
        }

        var inverse = Matrix<double>.Build.DenseOfColumnMajor(m, m, gram).Cholesky().Solve(Matrix<double>.Build.DenseIdentity(m));
        var solved = inverse * Vector<double>.Build.DenseOfArray(moment);
        var beta = new double[rows[0].Length];
        for (var a = 0; a < m; a++)
        {
            beta[active[a]] = solved[a];
        }

        return (beta, inverse);
    }

    private static double Dot(double[] row, double[] beta)
    {
        var sum = 0.0;
        for (var j = 0; j < row.Length; j++)
        {
            sum += row[j] * beta[j];
        }

        return sum;
    }
}
