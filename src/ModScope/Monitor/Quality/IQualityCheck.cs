namespace ModScope.Monitor.Quality;

/// <summary>One data-quality check: runs its queries on the store and says what it found (nothing on clean data).</summary>
internal interface IQualityCheck
{
    IEnumerable<QualityFinding> Run(QualityContext context);
}
