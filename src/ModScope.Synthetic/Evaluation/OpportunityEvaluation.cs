using ModScope.Catalog;
using ModScope.Engines;
using ModScope.Ingest;
using ModScope.Monitor.Calendar;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;
using ModScope.Query;
using ModScope.Store;

namespace ModScope.Synthetic.Evaluation;

/// <summary>
/// Scores <see cref="OpportunityFinder"/> on generated data with planted opportunities (<c>modscope eval
/// --opportunities</c>): per seed it generates, loads and runs the finder as of the last day, and matches each planted
/// opportunity to the finder's of the same kind and subject. Recovered: in the top <see cref="TopRank"/> of its kind with
/// the size within <see cref="SizeTolerance"/> of the planted one.
/// </summary>
public sealed class OpportunityEvaluation(MetricCatalog catalog, EventCalendar calendar)
{
    public const int TopRank = 3;

    public const double SizeTolerance = 0.25;

    public IProgress<string>? Progress { get; init; }

    public async Task<IReadOnlyList<OpportunityOutcome>> RunAsync(EvaluationSettings settings, string workDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var outcomes = new List<OpportunityOutcome>();
        foreach (var seed in settings.Seeds)
        {
            var directory = Path.Combine(workDirectory, $"opportunities-{seed}");
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Progress?.Report($"seed {seed}: generating {settings.Days} days");
            var options = new GeneratorOptions(Path.Combine(directory, "data"), settings.Days, settings.DecisionsPerDay, seed);
            var generated = await SyntheticGenerator.GenerateAsync(options, null, cancellationToken).ConfigureAwait(false);
            using var store = ModScopeStore.Open(Path.Combine(directory, "modscope.duckdb"));
            Progress?.Report($"seed {seed}: loading");
            await new Ingestor(store).IngestAsync([options.OutputDirectory], new IngestOptions(), null, cancellationToken).ConfigureAwait(false);
            Progress?.Report($"seed {seed}: finding opportunities");
            using var engine = new DuckDbEngine(store);
            var reader = new PlanningReader(new MetricQuery(catalog, engine));
            var metrics = PlanningMetrics.From(catalog.Roles);
            var planner = new PlanBuilder(reader, new SeriesForecasts(reader, calendar), metrics);
            var found = await new OpportunityFinder(reader, planner, metrics)
                .FindAsync([], new ForecastSettings { HorizonDays = 28 }, new OpportunitySettings(), options.FirstDay.AddDays(settings.Days - 1), cancellationToken)
                .ConfigureAwait(false);
            outcomes.AddRange(generated.Opportunities.Select(p => new OpportunityOutcome(seed, p, found.FirstOrDefault(o => Matches(p, o)))));
        }

        return outcomes;
    }

    /// <summary>Same kind, and the found subject names every planted dimension with the planted value.</summary>
    public static bool Matches(PlantedOpportunity planted, Opportunity found)
    {
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(found);
        return OpportunityKinds.Name(found.Kind) == planted.Kind
            && planted.Subject.All(kv => found.Subject.TryGetValue(kv.Key, out var value) && value == kv.Value);
    }
}
