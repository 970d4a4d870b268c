using ModScope.Monitor.Quality;
using ModScope.Tests.Support;
using static ModScope.Tests.Monitor.Quality.QualityStore;

namespace ModScope.Tests.Monitor.Quality;

public sealed class QuarantineRateCheckTests : IDisposable
{
    private static readonly DateOnly Monday = new(2026, 8, 24);

    private readonly QualityStore _store = new();

    public void Dispose() => _store.Dispose();

    /// <summary><paramref name="bad"/> rows with an unknown verdict among 100 automated decisions on Monday (a market not
    /// loaded yet would wait as pending, which is not a rejected row).</summary>
    private static IEnumerable<string> Rows(string prefix, int bad) => Enumerable.Range(0, 100).Select(i =>
    {
        var row = Decision(Automated, Monday, i, id: $"{prefix}-{i}");
        return i < bad ? row.Replace(",approve,", ",approved,", StringComparison.Ordinal) : row;
    });

    [Fact]
    public async Task A_file_with_five_percent_rejected_rows_is_reported_with_its_top_rule_and_one_percent_is_not()
    {
        await _store.LoadAsync();
        await _store.LoadFileAsync("decisions-extra.csv", DecisionRows.Header, Rows("X", 5), new DateTime(2026, 8, 25, 1, 0, 0));
        await _store.LoadFileAsync("decisions-fine.csv", DecisionRows.Header, Rows("F", 1), new DateTime(2026, 8, 25, 2, 0, 0));

        var finding = Assert.Single(await _store.RunAsync());

        Assert.Equal((QualityCheckKind.QuarantineRate, QualitySeverity.Warning, "decisions", "file = decisions-extra.csv", (DateOnly?)new DateOnly(2026, 8, 25)),
            (finding.Check, finding.Severity, finding.Source, finding.Segment, finding.Day));
        Assert.Equal(0.05, finding.Observed, 9);
        Assert.Equal(0.01, finding.Threshold);
        Assert.Contains("5 of 100 rows rejected (5.0%)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("unknown_value", finding.Message, StringComparison.Ordinal);
    }
}
