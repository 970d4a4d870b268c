namespace ModScope.Monitor.Quality;

/// <summary>One data-quality check: runs its queries on the data and says what it found (nothing on clean data).</summary>
internal interface IQualityCheck
{
    Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context);
}
