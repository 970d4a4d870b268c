namespace ModScope.Planning.Forecasting;

/// <summary>
/// A robust weighted least-squares fit: coefficients, (AᵀA)⁻¹ of the weighted design (the coefficients' covariance
/// up to σ²) and the robust residual spread σ.
/// </summary>
internal sealed record RegressionFit(double[] Coefficients, double[,] Unscaled, double Spread)
{
    /// <summary>x·β.</summary>
    public double Predict(double[] row)
    {
        var sum = 0.0;
        for (var j = 0; j < row.Length; j++)
        {
            sum += row[j] * Coefficients[j];
        }

        return sum;
    }

    /// <summary>xᵀ(AᵀA)⁻¹x: the prediction's variance from the coefficients, in units of σ².</summary>
    public double Leverage(double[] row)
    {
        var sum = 0.0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] == 0.0)
            {
                continue;
            }

            for (var j = 0; j < row.Length; j++)
            {
                sum += row[i] * Unscaled[i, j] * row[j];
            }
        }

        return Math.Max(0.0, sum);
    }
}
