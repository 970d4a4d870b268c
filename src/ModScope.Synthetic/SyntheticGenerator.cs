using ModScope.Model;

namespace ModScope.Synthetic;

/// <summary>
/// Generates a realistic, seeded moderation data set: one file per table per UTC day plus
/// <c>incidents.json</c> with the ground truth of the planted incidents. Files are written day by day,
/// so memory does not grow with the number of days; the same options always give the same bytes.
/// </summary>
public sealed class SyntheticGenerator
{
    private SyntheticGenerator()
    {
    }

    /// <summary>Generates the data set described by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message states the rule.</exception>
    public static Task<GenerationSummary> GenerateAsync(
        GeneratorOptions options,
        IProgress<GenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new ArgumentException("OutputDirectory must name a folder.", nameof(options));
        }

        if (options.Days is < 1 or > 3660)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Days, "Days must be between 1 and 3660.");
        }

        if (options.DecisionsPerDay is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DecisionsPerDay, "DecisionsPerDay must be between 1 and 1,000,000.");
        }

        if (!Enum.IsDefined(options.Format))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Format, "Format must be Csv, Parquet or Jsonl.");
        }

        var run = new GenerationRun(options, SimulationProfile.Create(ReferenceData.Shipped));
        return run.RunAsync(progress, cancellationToken);
    }
}
