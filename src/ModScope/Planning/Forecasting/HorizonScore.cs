namespace ModScope.Planning.Forecasting;

/// <summary>
/// The backtest's score for one horizon week over every series and origin.
/// </summary>
/// <param name="Week">Horizon week (1 = days 1–7 ahead).</param>
/// <param name="Forecasts">Scored forecast days.</param>
/// <param name="Mase">Mean over series of the model's MASE (absolute error over the series' in-sample seasonal scale).</param>
/// <param name="NaiveMase">The same for the seasonal-naive benchmark.</param>
/// <param name="RelativeMae">Geometric mean over series of the model's MAE divided by seasonal-naive's on the same days
/// (Davydenko and Fildes 2013, AvgRelMAE): below 1 the model beats the benchmark.</param>
/// <param name="Coverage">Share of actual values inside the model's prediction interval.</param>
/// <param name="MeanBias">Σ forecast mean / Σ actual − 1 over the scored days: the expected value's bias, what workload sums inherit (null when nothing was scored).</param>
/// <param name="MeanBiasBySize">The same for series averaging under 10, 10 to 100, and 100 or more a day at the origin (null where none).</param>
public sealed record HorizonScore(int Week, int Forecasts, double Mase, double NaiveMase, double RelativeMae, double Coverage, double? MeanBias, IReadOnlyList<double?> MeanBiasBySize);
