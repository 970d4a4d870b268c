using ModScope.Synthetic;
using ModScope.Tests.Support;

namespace ModScope.Tests.Synthetic;

/// <summary>Option checks, progress, cancellation and the default calendar.</summary>
public sealed class SyntheticGeneratorOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0, 100)]
    [InlineData(5, 0)]
    public async Task Generator_WithOutOfRangeSizes_ThrowsNamingTheRule(int days, int perDay)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Path, days, perDay)));
        Assert.Contains(days == 0 ? "Days" : "DecisionsPerDay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generator_WithEmptyOutputDirectory_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => SyntheticGenerator.GenerateAsync(new GeneratorOptions(" ", 3, 100)));
    }

    [Fact]
    public async Task Generator_ReportsProgressOncePerDayInOrder()
    {
        var progress = new RecordingProgress();
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Path, 4, 200), progress);
        Assert.Equal([new(1, 4), new(2, 4), new(3, 4), new(4, 4)], progress.Reports);
    }

    [Fact]
    public async Task Generator_WhenCancelled_StopsWithOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Path, 5, 200), cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Generator_ByDefault_StartsOnMonday24August2026AndWritesFourFilesPerDay()
    {
        var summary = await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Path, 2, 300));
        var names = summary.Files.Select(f => Path.GetFileName(f)).ToList();
        Assert.Equal(
            [
                "decisions-2026-08-24.csv", "qa_audits-2026-08-24.csv", "appeals-2026-08-24.csv", "staffing-2026-08-24.csv",
                "decisions-2026-08-25.csv", "qa_audits-2026-08-25.csv", "appeals-2026-08-25.csv", "staffing-2026-08-25.csv",
                "incidents.json", "opportunities.json",
            ],
            names);
        Assert.Equal(DayOfWeek.Monday, new DateOnly(2026, 8, 24).DayOfWeek);
        Assert.Equal(["decisions", "qa_audits", "appeals", "staffing"], summary.RowsPerTable.Keys);
    }

    [Fact]
    public async Task Generator_AroundElevenEleven_RaisesSeaVolumeOnlyAndKeepsIncidentsAwayFromThePeak()
    {
        var summary = await SyntheticGenerator.GenerateAsync(new GeneratorOptions(_folder.Path, 60, 1500, 9, Start: new DateOnly(2026, 10, 1)));
        var data = SyntheticDataSet.Load(_folder.Path);
        var sea = ModScope.Model.ReferenceData.Shipped.Markets.Where(m => m.Region == "SEA").Select(m => m.Code).ToHashSet();
        double Volume(bool inSea, int fromDay) => Enumerable.Range(fromDay, 3)
            .Sum(day => data.Decisions.Count(d => d.CreatedDate == new DateOnly(2026, 11, day) && sea.Contains(d.Market) == inSea));

        // Nov 10-12 (catalog/events.yaml: singles_day_2026, 11.11 with a lead day and two lag days, uplift 1.8, all but
        // the last lag day) against the same weekdays one week earlier.
        Assert.InRange(Volume(true, 10) / Volume(true, 3), 1.5, 2.1);
        Assert.InRange(Volume(false, 10) / Volume(false, 3), 0.8, 1.25);
        Assert.NotEmpty(summary.Incidents);
        Assert.All(summary.Incidents, i => Assert.True(i.End < new DateOnly(2026, 11, 10) || i.Start > new DateOnly(2026, 11, 12), $"{i.Id} overlaps 11.11."));
    }

    private sealed class RecordingProgress : IProgress<GenerationProgress>
    {
        public List<GenerationProgress> Reports { get; } = [];

        public void Report(GenerationProgress value) => Reports.Add(value);
    }
}
