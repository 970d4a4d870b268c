namespace ModScope.Monitor.Detection;

/// <summary>The state of <see cref="SeriesDetector"/> walking one series in time order.</summary>
internal sealed class DetectorRun
{
    private const int MaxGridSlots = 8192;

    private readonly IReadOnlyList<SeriesPoint> _points;
    private readonly int[] _order;
    private readonly SamplingClock _clock;
    private readonly DetectorSettings _s;
    private readonly double[] _clean;
    private readonly double[] _trials;
    private readonly double[] _references;
    private readonly RollingWindow _recent;
    private readonly RollingWindow _local = new(3);
    private readonly BaselineChooser _chooser = new();
    private readonly RollingWindow[] _residualsByMethod;
    private RollingWindow _residuals;
    private readonly QuasiDispersion _dispersion;
    private readonly LearnedLevels _learned;
    private RollingWindow _levelGaps;
    private int _valid;
    private int _nextCheckpoint = 24;
    private double _quantum = double.PositiveInfinity;
    private double _lastValue = double.NaN;
    private double _cusumUp;
    private double _cusumDown;
    private readonly AlertTracker _alerts;

    public DetectorRun(IReadOnlyList<SeriesPoint> points, int[] order, SamplingClock clock, DetectorSettings settings)
    {
        (_points, _order, _clock, _s) = (points, order, clock, settings);
        _clean = new double[order.Length];
        _references = new double[settings.SeasonalCycles];
        _recent = new RollingWindow(settings.LevelWindow ?? 16);
        _residualsByMethod = [.. Enumerable.Range(0, Enum.GetValues<BaselineMethod>().Length).Select(_ => new RollingWindow(settings.ScaleWindow))];
        _trials = new double[order.Length];
        _residuals = _residualsByMethod[0];
        _dispersion = new QuasiDispersion(settings.ScaleWindow);
        _learned = new LearnedLevels(settings, order.Length);
        _alerts = new AlertTracker(settings);
        Period = settings.Period;
        _levelGaps = new RollingWindow(LevelWindowFor(Period));
    }

    public int? Period { get; private set; }

    public PointVerdict Step(int k)
    {
        var point = _points[_order[k]];
        var y = point.Value;
        if (!double.IsFinite(y))
        {
            _clean[k] = double.NaN;
            return new PointVerdict(point.Time, y, double.NaN, double.NaN, double.NaN, 0.0, 0.0, false, false, _alerts.Raised, point.KnownEvent);
        }
        if (_s.Period is null && _valid >= _nextCheckpoint)
        {
            FindPeriod(k);
        }

        var expectation = Expect(k);
        var expected = expectation.Value;
        _residuals = _residualsByMethod[(int)expectation.Method];
        var spread = Spread(expected);
        var judged = _valid >= _s.MinHistory && _residuals.Count >= Math.Min(16, _s.MinHistory) && double.IsFinite(expected);
        var residual = y - expected;
        var z = judged ? residual / spread : 0.0;
        // The z-score on the scale where AlertZ alerts: a series whose own residuals reach further learns wider limits.
        var (upperZ, lowerZ) = _learned.PointLimits(expectation.Method, spread);
        var scaledZ = z * _s.AlertZ / (z >= 0 ? upperZ : lowerZ);
        var binomial = SamplingNoise.Sd(_s.Kind, expected, point.SampleSize);
        var dispersion = _dispersion.Value;
        var sampling = point.StandardError is > 0 and var se && double.IsFinite(se) && _s.Kind == SeriesKind.Level ? se : binomial * Math.Sqrt(dispersion);
        var zSampling = SamplingNoise.ExactZ(_s.Kind, point, y, expected, dispersion) ?? (sampling > 0 ? residual / sampling : double.PositiveInfinity);
        var widening = point.KnownEvent ? _s.KnownEventWidening : 1.0;
        var thin = (_s.Kind == SeriesKind.Proportion && _s.MinSampleSize > 0 && !(point.SampleSize >= _s.MinSampleSize)) ||
                   double.IsPositiveInfinity(point.StandardError ?? 0.0);
        var pointEvidence = judged && !thin ? Math.Min(Math.Abs(scaledZ) / _s.AlertZ, Math.Abs(zSampling) / _s.SamplingZ) / widening : 0.0;
        // A known event may also move the series by up to KnownEventAllowance of its expected value (11.11 can
        // double a day's volume; the history cannot say by how much).
        var allowance = point.KnownEvent && double.IsFinite(expected) ? _s.KnownEventAllowance * Math.Abs(expected) : 0.0;
        if (allowance > 0.0)
        {
            pointEvidence = Math.Min(pointEvidence, Math.Abs(residual) / allowance);
        }
        var (accumulated, range) = judged && !thin && !point.KnownEvent ? ShiftEvidence(y, residual, z, zSampling) : (0.0, 0.0);
        var shiftEvidence = Math.Max(accumulated, range);
        var evidence = Math.Max(pointEvidence, shiftEvidence);
        var sampled = _s.SamplingZ * sampling;
        var upper = Math.Max(Math.Max(upperZ * spread, sampled) * widening, allowance);
        var lower = Math.Max(Math.Max(lowerZ * spread, sampled) * widening, allowance);

        var alertStart = false;
        if (judged)
        {
            var onset = new Onset(evidence, pointEvidence >= Math.Min(1.0, shiftEvidence), accumulated >= 1.0);
            alertStart = Track(k, point, onset, residual, expected, new BaselineNote(
                expectation.Method, Period, _clock.Interval, expectation.References, LevelPoints(expectation.Method), _residuals.Count, spread,
                _s.AlertZ * widening, expected, Lowest(expected - lower), Highest(expected + upper), point.SampleSize, point.KnownEvent)
            {
                StandardError = _s.Kind == SeriesKind.Level ? point.StandardError : null,
                Learned = Math.Max(upperZ, lowerZ) > _s.AlertZ ? new LearnedBand(_learned.Learned(expectation.Method), _s.AlertRisk) : null,
            });
        }

        if (binomial > 0.0 && double.IsFinite(expected) && !point.KnownEvent)
        {
            _dispersion.Add((y - expected) / binomial);
        }
        if (judged && !point.KnownEvent)
        {
            _learned.Learn(y);
            foreach (var (method, predicted) in expectation.Candidates())
            {
                _learned.Learn(method, y - predicted);
            }
        }
        Remember(k, y, expectation, spread, scaledZ, judged, point.KnownEvent);
        var score = judged ? evidence * evidence / (1.0 + (evidence * evidence)) : 0.0;
        return new PointVerdict(point.Time, y, expected, Lowest(expected - lower), Highest(expected + upper), score, z, judged, alertStart, _alerts.Raised, point.KnownEvent);
    }

    /// <summary>
    /// Evidence of a sustained change, accumulated over points: the level-shift CUSUM of clipped z-scores against its
    /// limit (learned where the history allows, so a series whose bursts carry it far learns a higher one) and, where
    /// learned, the window evidence; and, where learned, the range evidence of this one value.
    /// </summary>
    private (double Accumulated, double Range) ShiftEvidence(double y, double residual, double z, double zSampling)
    {
        var inAlert = _alerts.Open;
        var accumulated = _learned.Window(Math.Abs(residual), inAlert);
        if (_s.LevelShifts)
        {
            var step = Math.Sign(z) * Math.Min(Math.Min(Math.Abs(z), Math.Abs(zSampling) * _s.AlertZ / _s.SamplingZ), _s.ClipZ + 1.0);
            _cusumUp = Math.Max(0.0, _cusumUp + step - _s.CusumAllowance);
            _cusumDown = Math.Max(0.0, _cusumDown - step - _s.CusumAllowance);
            var cusum = Math.Max(_cusumUp, _cusumDown);
            accumulated = Math.Max(accumulated, cusum / _learned.CusumLimit(cusum, inAlert));
        }
        return (accumulated, _learned.Range(y));
    }

    /// <summary>A band edge within what the series can take: a count or a proportion is never below 0, a proportion never above 1.</summary>
    private double Lowest(double lower) => _s.Kind == SeriesKind.Level ? lower : Math.Max(0.0, lower);

    /// <inheritdoc cref="Lowest"/>
    private double Highest(double upper) => _s.Kind == SeriesKind.Proportion ? Math.Min(1.0, upper) : upper;

    public IReadOnlyList<AnomalyEpisode> Finish()
    {
        return _alerts.Finish();
    }

    /// <summary>The candidate expectations for point <paramref name="k"/>, and the one chosen.</summary>
    private Expectation Expect(int k)
    {
        var level = _recent.Count > 0 ? _recent.Median : double.NaN;
        var recent = _local.Count > 0 ? _local.Median : double.NaN;
        var (seasonal, references) = (double.NaN, 0);
        if (Period is { } p)
        {
            var slot = _clock.Slots[k];
            for (var j = 1; j <= _references.Length; j++)
            {
                var at = _clock.Find(slot - ((long)j * p), k, k - (j * p));
                if (at >= 0 && double.IsFinite(_clean[at]))
                {
                    _references[references++] = _clean[at];
                }
            }
            if (references >= 2)
            {
                Array.Sort(_references, 0, references);
                seasonal = references % 2 == 1 ? _references[references / 2] : 0.5 * (_references[(references / 2) - 1] + _references[references / 2]);
            }
            else
            {
                references = 0;
            }
        }
        var seasonalExpected = double.IsFinite(seasonal) ? seasonal + (_levelGaps.Count >= 3 ? _levelGaps.Median : 0.0) : double.NaN;
        var pooled = Pooled(k);
        var method = double.IsFinite(pooled) ? BaselineMethod.Pooled : _chooser.Choose(double.IsFinite(seasonal));
        var expected = method switch
        {
            BaselineMethod.Seasonal => seasonalExpected,
            BaselineMethod.Recent => recent,
            BaselineMethod.Pooled => pooled,
            _ => level,
        };
        return new Expectation(expected, method, level, recent, seasonal, seasonalExpected, references, pooled);
    }

    /// <summary>
    /// For a proportion with trials: Σ (clipped rate × trials) / Σ trials over the last level-window points that
    /// have trials, or NaN (other series, or no such history).
    /// </summary>
    private double Pooled(int k)
    {
        if (_s.Kind != SeriesKind.Proportion || !(_points[_order[k]].SampleSize > 0))
        {
            return double.NaN;
        }
        var (successes, trials, taken) = (0.0, 0.0, 0);
        for (var q = k - 1; q >= 0 && taken < _recent.Capacity; q--)
        {
            if (_trials[q] > 0 && double.IsFinite(_clean[q]))
            {
                (successes, trials, taken) = (successes + (_clean[q] * _trials[q]), trials + _trials[q], taken + 1);
            }
        }
        return taken >= 3 ? successes / trials : double.NaN;
    }

    /// <summary>
    /// Robust σ of past residuals: the interquartile range / 1.349, or, when wider, the central 90% range / 3.290
    /// (from 30 residuals) or 98% range / 4.653 (from 100): a heavy-tailed series' usual extremes must not alert, and
    /// all three equal σ for normal noise. Floored so a flat series does not divide by zero.
    /// </summary>
    private double Spread(double expected)
    {
        var spread = (_residuals.Quantile(0.75) - _residuals.Quantile(0.25)) / 1.349;
        if (_residuals.Count >= 100)
        {
            spread = Math.Max(spread, (_residuals.Quantile(0.99) - _residuals.Quantile(0.01)) / 4.653);
        }
        else if (_residuals.Count >= 30)
        {
            spread = Math.Max(spread, (_residuals.Quantile(0.95) - _residuals.Quantile(0.05)) / 3.290);
        }
        if (!(spread > 0.0))
        {
            spread = 1.2533 * _residuals.MeanAbsolute;
        }
        var floor = Math.Max(double.IsFinite(_quantum) ? _quantum / 2.0 : 0.0, 1e-9 * Math.Max(1.0, Math.Abs(expected)));
        return double.IsFinite(spread) ? Math.Max(spread, floor) : floor;
    }

    /// <summary>Tracks the alert at point <paramref name="k"/>; true where one is raised.</summary>
    private bool Track(int k, SeriesPoint point, Onset onset, double residual, double expected, BaselineNote note)
    {
        var step = _alerts.Track(_order[k], point.Time, onset, residual, expected, note);
        if (step.Relearn)
        {
            _learned.Relearn();
        }
        if (step.Relearn || step.Closed)
        {
            _cusumUp = _cusumDown = 0.0;
            _learned.Reset();
        }
        return step.Raised;
    }

    private int LevelPoints(BaselineMethod method) => method switch
    {
        BaselineMethod.Seasonal => _levelGaps.Count,
        BaselineMethod.Recent => _local.Count,
        BaselineMethod.Pooled => Math.Min(_recent.Capacity, _valid),
        _ => _recent.Count,
    };

    private void Remember(int k, double y, Expectation expectation, double spread, double z, bool judged, bool knownEvent)
    {
        var expected = expectation.Value;
        var clean = y;
        if (knownEvent && double.IsFinite(expected))
        {
            clean = expected;
        }
        else if (judged && Math.Abs(z) > _s.ClipZ && _alerts.OpenPoints <= _levelGaps.Capacity)
        {
            clean = expected + (Math.Sign(z) * _s.ClipZ * spread);
        }
        _clean[k] = clean;
        _trials[k] = _points[_order[k]].SampleSize ?? double.NaN;
        _chooser.Score(BaselineMethod.Level, expectation.Level, clean);
        _chooser.Score(BaselineMethod.Recent, expectation.Recent, clean);
        _chooser.Score(BaselineMethod.Seasonal, expectation.SeasonalExpected, clean);
        _recent.Add(clean);
        _local.Add(clean);
        if (double.IsFinite(expectation.Seasonal))
        {
            _levelGaps.Add(clean - expectation.Seasonal);
        }
        if (!knownEvent)
        {
            // Each method keeps its own residuals, so the spread always matches the expectation it goes with.
            AddResidual(BaselineMethod.Level, y - expectation.Level);
            AddResidual(BaselineMethod.Recent, y - expectation.Recent);
            AddResidual(BaselineMethod.Seasonal, y - expectation.SeasonalExpected);
            AddResidual(BaselineMethod.Pooled, y - expectation.Pooled);
        }
        if (double.IsFinite(_lastValue) && y != _lastValue)
        {
            _quantum = Math.Min(_quantum, Math.Abs(y - _lastValue));
        }
        _lastValue = y;
        _valid++;
    }

    private void AddResidual(BaselineMethod method, double residual)
    {
        if (double.IsFinite(residual))
        {
            _residualsByMethod[(int)method].Add(residual);
        }
    }

    private void FindPeriod(int k)
    {
        _nextCheckpoint = _nextCheckpoint < 4096 ? _nextCheckpoint * 3 / 2 : _nextCheckpoint + 4096;
        var last = _clock.Slots[k - 1];
        var first = Math.Max(_clock.Slots[0], last - MaxGridSlots + 1);
        var length = (int)(last - first + 1);
        if (length > MaxGridSlots || length < 12)
        {
            return;
        }
        var grid = new double[length];
        var filled = new bool[length];
        for (var q = 0; q < k; q++)
        {
            var at = _clock.Slots[q] - first;
            if (at >= 0 && double.IsFinite(_clean[q]))
            {
                grid[at] = _clean[q];
                filled[at] = true;
            }
        }
        Interpolate(grid, filled);
        var found = SeasonalityFinder.Find(grid, _clock.DaySlots, _clock.WeekSlots);
        if (found != Period)
        {
            Period = found;
            _levelGaps = new RollingWindow(LevelWindowFor(found));
            _chooser.ResetSeasonal();
            _residualsByMethod[(int)BaselineMethod.Seasonal].Clear();
            _learned.Forget(BaselineMethod.Seasonal);
        }
    }

    private int LevelWindowFor(int? period) => _s.LevelWindow ?? (period is { } p ? Math.Clamp(2 * p, 14, 48) : 16);

    private static void Interpolate(double[] grid, bool[] filled)
    {
        var previous = -1;
        for (var i = 0; i < grid.Length; i++)
        {
            if (!filled[i])
            {
                continue;
            }
            for (var g = previous + 1; g < i; g++)
            {
                grid[g] = previous < 0 ? grid[i] : grid[previous] + ((grid[i] - grid[previous]) * (g - previous) / (i - previous));
            }
            previous = i;
        }
        for (var g = previous + 1; g < grid.Length && previous >= 0; g++)
        {
            grid[g] = grid[previous];
        }
    }

    private readonly record struct Expectation(
        double Value, BaselineMethod Method, double Level, double Recent, double Seasonal, double SeasonalExpected, int References, double Pooled)
    {
        /// <summary>Every method's prediction, whichever was chosen.</summary>
        public (BaselineMethod, double)[] Candidates() =>
            [(BaselineMethod.Level, Level), (BaselineMethod.Recent, Recent), (BaselineMethod.Seasonal, SeasonalExpected), (BaselineMethod.Pooled, Pooled)];
    }
}
