namespace ModScope.Monitor.Detection;

/// <summary>
/// Opens, extends and closes the alerts of <see cref="DetectorRun"/>. An onset (evidence ≥ 1) is raised at once when
/// it is strong (<see cref="DetectorSettings.ImmediateEvidence"/>) or already accumulated over points (a CUSUM), else
/// once <see cref="DetectorSettings.ConfirmPoints"/> anomalous points (evidence ≥ ½) confirm it, at the confirming
/// point; the alert is dated from the onset. An unconfirmed onset that calms down is dropped. An alert that has lasted
/// <see cref="DetectorSettings.RelearnPoints"/> anomalous points is a new regime (<see cref="TrackStep.Relearn"/>).
/// </summary>
internal sealed class AlertTracker(DetectorSettings settings)
{
    private readonly List<AnomalyEpisode> _episodes = [];
    private OpenEpisode? _open;

    /// <summary>Whether an onset is open, raised or still waiting for confirmation.</summary>
    public bool Open => _open is not null;

    /// <summary>Whether a raised alert is open.</summary>
    public bool Raised => _open is { Confirmed: true };

    /// <summary>Anomalous points of the open onset so far (0 when none).</summary>
    public int OpenPoints => _open?.Points ?? 0;

    public TrackStep Track(int index, DateTime time, Onset onset, double residual, double expected, BaselineNote note)
    {
        if (_open is { } open)
        {
            if (onset.Evidence >= 0.5)
            {
                open.Extend(index, time, onset.Evidence, residual, expected);
                var relearn = open.Confirmed && open.Points == settings.RelearnPoints;
                var raised = !open.Confirmed && open.Points >= settings.ConfirmPoints;
                open.Confirmed |= raised;
                return new TrackStep(raised, relearn, Closed: false);
            }
            if (++open.Calm < settings.QuietPointsToClose)
            {
                return default;
            }
            _open = null;
            if (!open.Confirmed)
            {
                return default;
            }
            _episodes.Add(open.ToEpisode());
            return new TrackStep(Raised: false, Relearn: false, Closed: true);
        }
        if (onset.Evidence < 1.0)
        {
            return default;
        }
        _open = new OpenEpisode(index, time, onset.Spike ? AnomalyKind.Spike : AnomalyKind.LevelShift, Math.Sign(residual), note);
        _open.Extend(index, time, onset.Evidence, residual, expected);
        _open.Confirmed = settings.ConfirmPoints <= 1 || onset.Accumulated || onset.Evidence >= settings.ImmediateEvidence;
        return new TrackStep(_open.Confirmed, Relearn: false, Closed: false);
    }

    /// <summary>The alerts, the one still open included when it was raised.</summary>
    public IReadOnlyList<AnomalyEpisode> Finish()
    {
        if (_open is { Confirmed: true })
        {
            _episodes.Add(_open.ToEpisode());
        }
        _open = null;
        return _episodes;
    }
}

/// <summary>A point's evidence, whether the point alone carries it (a spike), and whether it was accumulated over points.</summary>
internal readonly record struct Onset(double Evidence, bool Spike, bool Accumulated);

/// <summary>What one step of <see cref="AlertTracker"/> did: raised an alert, reached a new regime, closed an alert.</summary>
internal readonly record struct TrackStep(bool Raised, bool Relearn, bool Closed);
