namespace ModScope.Synthetic;

/// <summary>Reported after each day's files are written.</summary>
public sealed record GenerationProgress(int DaysDone, int DaysTotal);
