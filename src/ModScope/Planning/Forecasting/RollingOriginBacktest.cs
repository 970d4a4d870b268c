namespace ModScope.Planning.Forecasting;

/// <summary>
/// Rolling-origin evaluation (Tashman 2000): from each origin, a forecast made only from the days before it is scored
/// on the weeks after it, against the seasonal-naive forecast from the same origin. Origins step through the history
/// once the minimum training span is reached and while a full horizon of actual days follows. Reports, per horizon
/// week, MASE (Hyndman and Koehler 2006) for both forecasts, the model's MAE relative to seasonal-naive (geometric
/// mean over series), the coverage of the model's prediction intervals, and the bias of the forecast's mean (what
/// workload sums use) overall and by the series' size at the origin.
/// </summary>
public static class RollingOriginBacktest
{
    public static BacktestResult Run(IReadOnlyList<BacktestSeries> series, BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var horizonDays = settings.HorizonWeeks * 7;
        var forecastSettings = settings.Forecast with { HorizonDays = horizonDays };
        var weeks = Enumerable.Range(0, settings.HorizonWeeks).Select(_ => new WeekTally()).ToArray();
        var origins = 0;
        var scored = 0;
        foreach (var one in series)
        {
            var perSeries = Enumerable.Range(0, settings.HorizonWeeks).Select(_ => new SeriesTally()).ToArray();
            foreach (var origin in Origins(one.History, settings, horizonDays))
            {
                origins++;
                Score(one, origin, forecastSettings, perSeries);
            }

            if (perSeries.Any(t => t.Count > 0))
            {
                scored++;
            }

            for (var w = 0; w < weeks.Length; w++)
            {
                weeks[w].Add(perSeries[w]);
            }
        }

        var scores = weeks.Select((w, i) => w.Score(i + 1)).ToArray();
        return new BacktestResult(scores, scored, origins, forecastSettings.IntervalLevel);
    }

    private static IEnumerable<DateOnly> Origins(IReadOnlyList<DailyPoint> history, BacktestSettings settings, int horizonDays)
    {
        if (history.Count == 0)
        {
            yield break;
        }

        var first = history[0].Day.AddDays(settings.MinimumTrainingDays);
        var last = history[^1].Day;
        for (var origin = first; origin.AddDays(horizonDays - 1) <= last; origin = origin.AddDays(settings.OriginStepDays))
        {
            yield return origin;
        }
    }

    private static void Score(BacktestSeries one, DateOnly origin, ForecastSettings settings, SeriesTally[] perSeries)
    {
        var training = one.History.Where(p => p.Day < origin).ToArray();
        if (training.Length < settings.MinimumHistoryDays)
        {
            return;
        }

        var scale = SeasonalNaive.Scale(training);
        var byDay = training.ToDictionary(p => p.Day, p => p.Value);
        var actual = one.History.Where(p => p.Day >= origin).ToDictionary(p => p.Day, p => p.Value);
        var forecast = SeasonalForecaster.Forecast(training, one.Events, settings);
        var last = training[^1].Day;
        var band = SizeBand(training.Average(p => p.Value));
        foreach (var point in forecast.Points)
        {
            var ahead = point.Day.DayNumber - last.DayNumber;
            var naive = SeasonalNaive.Forecast(byDay, last, ahead);
            if (!actual.TryGetValue(point.Day, out var y) || naive is null)
            {
                continue;
            }

            var week = (ahead - 1) / 7;
            if (week < perSeries.Length)
            {
                perSeries[week].Add(Math.Abs(y - point.Value), Math.Abs(y - naive.Value), scale, y >= point.Lower && y <= point.Upper);
                perSeries[week].AddMean(band, point.Mean, y);
            }
        }
    }

    /// <summary>Upper bounds (a day, at the origin) of the size bands the mean's bias is reported in: under 10, 10–100, 100 and more.</summary>
    private static readonly double[] SizeBands = [10.0, 100.0];

    private static int SizeBand(double dailyMean) => SizeBands.Count(b => dailyMean >= b);

    private sealed class SeriesTally
    {
        public double[] MeanSum { get; } = new double[SizeBands.Length + 1];

        public double[] ActualSum { get; } = new double[SizeBands.Length + 1];

        public void AddMean(int band, double mean, double actual)
        {
            MeanSum[band] += mean;
            ActualSum[band] += actual;
        }

        public int Count { get; private set; }

        public double ModelError { get; private set; }

        public double NaiveError { get; private set; }

        public double ScaledModel { get; private set; }

        public double ScaledNaive { get; private set; }

        public int Scaled { get; private set; }

        public int Covered { get; private set; }

        public void Add(double model, double naive, double? scale, bool covered)
        {
            Count++;
            ModelError += model;
            NaiveError += naive;
            Covered += covered ? 1 : 0;
            if (scale is > 0)
            {
                Scaled++;
                ScaledModel += model / scale.Value;
                ScaledNaive += naive / scale.Value;
            }
        }
    }

    private sealed class WeekTally
    {
        private readonly List<double> _mase = [];
        private readonly List<double> _naiveMase = [];
        private readonly List<double> _logRelative = [];
        private int _count;
        private int _covered;
        private readonly double[] _meanSum = new double[SizeBands.Length + 1];
        private readonly double[] _actualSum = new double[SizeBands.Length + 1];

        public void Add(SeriesTally series)
        {
            for (var b = 0; b < _meanSum.Length; b++)
            {
                _meanSum[b] += series.MeanSum[b];
                _actualSum[b] += series.ActualSum[b];
            }

            _count += series.Count;
            _covered += series.Covered;
            if (series.Scaled > 0)
            {
                _mase.Add(series.ScaledModel / series.Scaled);
                _naiveMase.Add(series.ScaledNaive / series.Scaled);
            }

            if (series.ModelError > 0 && series.NaiveError > 0)
            {
                _logRelative.Add(Math.Log(series.ModelError / series.NaiveError));
            }
        }

        public HorizonScore Score(int week) => new(
            week,
            _count,
            _mase.Count == 0 ? double.NaN : _mase.Average(),
            _naiveMase.Count == 0 ? double.NaN : _naiveMase.Average(),
            _logRelative.Count == 0 ? double.NaN : Math.Exp(_logRelative.Average()),
            _count == 0 ? double.NaN : (double)_covered / _count,
            Bias(_meanSum.Sum(), _actualSum.Sum()),
            [.. _meanSum.Select((m, b) => Bias(m, _actualSum[b]))]);

        private static double? Bias(double mean, double actual) => actual > 0 ? (mean / actual) - 1.0 : null;
    }
}
