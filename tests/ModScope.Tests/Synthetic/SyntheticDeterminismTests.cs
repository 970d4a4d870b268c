using ModScope.Synthetic;
using ModScope.Tests.Support;

namespace ModScope.Tests.Synthetic;

/// <summary>The same options give the same bytes in every file; another seed gives other data.</summary>
public sealed class SyntheticDeterminismTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.Parquet)]
    [InlineData(OutputFormat.Jsonl)]
    public async Task Generator_WithSameSeed_WritesIdenticalBytes(OutputFormat format)
    {
        var first = await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Sub("a"), 35, 1000, 11, format));
        var second = await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Sub("b"), 35, 1000, 11, format));

        Assert.Equal(first.Files.Select(Path.GetFileName), second.Files.Select(Path.GetFileName));
        Assert.Equal(first.RowsPerTable, second.RowsPerTable);
        Assert.Contains(first.Files, f => f.Contains("redelivery", StringComparison.Ordinal));
        foreach (var (a, b) in first.Files.Zip(second.Files))
        {
            Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"{Path.GetFileName(a)} differs between two runs.");
        }
    }

    [Fact]
    public async Task Generator_WithDifferentSeed_WritesDifferentData()
    {
        var first = await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Sub("a"), 21, 1500, 11));
        var second = await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Sub("b"), 21, 1500, 12));

        var decisionFiles = first.Files.Zip(second.Files).Where(p => Path.GetFileName(p.First).StartsWith("decisions-", StringComparison.Ordinal));
        Assert.All(decisionFiles, p => Assert.NotEqual(File.ReadAllText(p.First), File.ReadAllText(p.Second)));
    }

    [Fact]
    public async Task Generator_WithoutIncidents_MatchesTheIncidentRunBeforeTheFirstIncident()
    {
        var noisy = await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Sub("a"), 28, 1500, 5));
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Sub("b"), 28, 1500, 5, Incidents: false));

        var firstIncident = noisy.Incidents.Min(i => i.Start);
        var before = Enumerable.Range(0, 28).Select(i => GeneratorOptions.DefaultStart.AddDays(i)).Where(d => d < firstIncident.AddDays(-1)).ToArray();
        Assert.NotEmpty(before);
        foreach (var date in before)
        {
            var name = $"decisions-{date:yyyy-MM-dd}.csv";
            Assert.Equal(File.ReadAllText(Path.Combine(_folder.Sub("a"), name)), File.ReadAllText(Path.Combine(_folder.Sub("b"), name)));
        }
    }
}
