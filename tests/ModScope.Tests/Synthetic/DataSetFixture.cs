using ModScope.Synthetic;
using ModScope.Tests.Support;

namespace ModScope.Tests.Synthetic;

/// <summary>Generates a CSV data set once for a test collection and deletes it afterwards.</summary>
public abstract class DataSetFixture(bool incidents) : IAsyncLifetime
{
    /// <summary>Small enough for a fast suite, big enough for every incident to be measurable.</summary>
    public const int Days = 35;
    public const int DecisionsPerDay = 3000;
    public const int Seed = 7;

    private readonly TempFolder _folder = new();

    public SyntheticDataSet Data { get; private set; } = null!;

    public GenerationSummary Summary { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Summary = await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Path, Days, DecisionsPerDay, Seed, Incidents: incidents));
        Data = SyntheticDataSet.Load(_folder.Path);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
