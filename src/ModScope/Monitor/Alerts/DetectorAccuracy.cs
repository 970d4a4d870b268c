namespace ModScope.Monitor.Alerts;

/// <summary>
/// Precision of one subject × detector from analysts' labels: alerts that were real (confirmed incidents and new
/// normals) over all labelled alerts. Expected (calendar) alerts count against it: the calendar should have known.
/// </summary>
public sealed record DetectorAccuracy(string Subject, string Detector, int Alerts, int Labelled, int Confirmed, int NewNormal, int Expected, int FalseAlarms)
{
    public double? Precision => Labelled == 0 ? null : (Confirmed + NewNormal) / (double)Labelled;
}
