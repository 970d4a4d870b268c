using ModScope.Synthetic.Evaluation;
using ModScope.Synthetic;

namespace ModScope.Tests.Synthetic.Evaluation;

public sealed class EvaluationReportTests
{
    private static readonly DateOnly Day = new(2026, 10, 1);

    private static IncidentOutcome Outcome(int alerts, int? delay, int? rank, bool segment = true) =>
        new(new Incident("I", "fp_spike", Day, Day, ["qa_accuracy"], segment ? new Dictionary<string, string> { ["site"] = "A" } : new Dictionary<string, string>(), "up", [], "", []),
            [.. Enumerable.Range(1, alerts).Select(i => (long)i)], delay is { } d ? Day.AddDays(d) : null, rank);

    [Fact]
    public void Totals_are_the_plain_ratios_over_seeds_counted_by_hand()
    {
        var report = new EvaluationReport(
        [
            new SeedOutcome(1, false, 30, 1000, 10, 8, 2, [Outcome(2, 0, 1), Outcome(1, 1, 3), Outcome(0, null, null)]),
            new SeedOutcome(2, false, 30, 1000, 10, 6, 2, [Outcome(1, 3, null), Outcome(1, 2, 2, segment: false)]),
            new SeedOutcome(1, true, 60, 2000, 12, 0, 2, []),
        ]);

        Assert.Equal(4.0 / 5.0, report.Recall);                  // 4 of 5 incidents have an alert
        Assert.Equal(14.0 / 20.0, report.Precision);             // (8 + 6) true of (10 + 10) alerts; the quiet set is not counted
        Assert.Equal(3.5, report.MedianDelayDays);               // delays 0, 1, 3, 2 plus the 2-day lag: 2, 3, 5, 4 → median 3.5
        Assert.Equal(1.0 / 3.0, report.RootCauseTop1);           // detected with a segment: ranks 1, 3, none → 1 of 3
        Assert.Equal(2.0 / 3.0, report.RootCauseTop3);
        Assert.Equal(12 / 20.0 / 2.0, report.QuietAlertRate);    // 12 alerts / (2000/100) series / (60/30) months
    }
}
