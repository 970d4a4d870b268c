namespace ModScope.Monitor.Detection;

/// <summary>What opened an alert: one point far outside its band, or a run of points drifting to one side.</summary>
public enum AnomalyKind
{
    Spike,
    LevelShift,
}
