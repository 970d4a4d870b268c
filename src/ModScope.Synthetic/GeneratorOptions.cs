namespace ModScope.Synthetic;

/// <summary>What to generate and where. The same options always produce byte-identical files.</summary>
/// <param name="OutputDirectory">Folder for the day files, <c>incidents.json</c> and <c>opportunities.json</c>; created when missing.</param>
/// <param name="Days">Number of UTC days, starting at <paramref name="Start"/>.</param>
/// <param name="DecisionsPerDay">Average decisions created per day before weekly and calendar seasonality.</param>
/// <param name="Seed">Seed for every random draw.</param>
/// <param name="Format">File format of the table-day files.</param>
/// <param name="Incidents">Plant the incidents listed in <c>incidents.json</c>; false gives a quiet data set.</param>
/// <param name="Opportunities">Plant the opportunities listed in <c>opportunities.json</c> (levels over the whole range, see OpportunityPlan).</param>
/// <param name="Start">First day; defaults to <see cref="DefaultStart"/> so that runs do not depend on the clock.</param>
public sealed record GeneratorOptions(
    string OutputDirectory,
    int Days = 90,
    int DecisionsPerDay = 20000,
    int Seed = 7,
    OutputFormat Format = OutputFormat.Csv,
    bool Incidents = true,
    DateOnly? Start = null,
    bool Opportunities = true)
{
    /// <summary>The default first day, a Monday.</summary>
    public static readonly DateOnly DefaultStart = new(2026, 8, 24);

    /// <summary>The first day actually used.</summary>
    public DateOnly FirstDay => Start ?? DefaultStart;
}
