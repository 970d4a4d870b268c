using ModScope.Query;
using ModScope.Stats;

namespace ModScope.Web.Tests;

/// <summary>The cache's size estimate of an answer, against the bytes actually allocated to build it.</summary>
public sealed class ResultSizeTests
{
    [Fact]
    public void The_estimate_is_within_a_quarter_of_the_bytes_allocated()
    {
        const int Groups = 20_000;
        string[] metrics = ["decision_volume", "qa_accuracy"];

        var before = GC.GetAllocatedBytesForCurrentThread();
        var results = new List<MetricResult>(Groups * metrics.Length);
        for (var g = 0; g < Groups; g++)
        {
            // As MetricQuery makes them: the rows of one group share its dimension dictionary and its value strings.
            var dimensions = new Dictionary<string, string?>(2) { ["market"] = "M" + g.ToString("D5"), ["queue"] = "Q-" + (g % 97).ToString("D3") + "-listing" };
            foreach (var metric in metrics)
            {
                results.Add(new MetricResult(metric, new DateTime(2026, 9, 1), dimensions, g, g, g + 1, metric == "qa_accuracy" ? 50 : null,
                    metric == "qa_accuracy" ? new Interval(0.8, 0.9, 0.95, "wilson") : null));
            }
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var estimate = ResultSize.Estimate(results);
        Assert.InRange((double)estimate / allocated, 0.8, 1.25);
    }
}
