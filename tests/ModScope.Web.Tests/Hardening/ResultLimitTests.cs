using ModScope.Query;
using ModScope.Web.Api;
using ModScope.Web.Hardening;

namespace ModScope.Web.Tests.Hardening;

/// <summary>The answer cap's arithmetic: bucket counts equal the buckets the query layer lists; shapes over the cap are refused.</summary>
public sealed class ResultLimitTests
{
    public static TheoryData<DateTime, DateTime, TimeGrain> Periods => new()
    {
        { new(2026, 3, 27, 13, 0, 0), new(2026, 3, 30, 5, 0, 0), TimeGrain.Hour },
        { new(2026, 9, 1), new(2026, 9, 8), TimeGrain.Hour },
        { new(2026, 9, 2), new(2026, 10, 17), TimeGrain.Day },
        { new(2026, 9, 2), new(2026, 11, 19), TimeGrain.Week },
        { new(2026, 9, 7), new(2026, 9, 14), TimeGrain.Week },
        { new(2026, 1, 15), new(2027, 3, 2), TimeGrain.Month },
        { new(2026, 1, 1), new(2026, 4, 1), TimeGrain.Month },
        { new(2025, 11, 20), new(2027, 2, 1), TimeGrain.Quarter },
        { new(2026, 1, 1), new(2027, 1, 1), TimeGrain.Quarter },
        { new(2026, 1, 1), new(2027, 1, 1), TimeGrain.None },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void Bucket_counts_are_the_buckets_the_query_layer_lists(DateTime start, DateTime end, TimeGrain grain)
    {
        var period = new Period(start, end, "UTC", "test");

        Assert.Equal(Buckets.Within(period, grain).Count, ResultLimit.BucketCount(period, grain));
    }

    [Fact]
    public void A_shape_over_the_cap_is_refused_and_one_at_it_is_not()
    {
        // A week of hours: 168 buckets, 2 metrics, 11 + 1 columns = 4,032 cells.
        var request = new MetricRequest(["decision_volume", "sla_attainment"], ["market"], TimeGrain.Hour, [],
            new Period(new DateTime(2026, 9, 7), new DateTime(2026, 9, 14), "UTC", "week"));

        new ResultLimit(4032).CheckShape(request);
        var refused = Assert.Throws<ResultTooLargeException>(() => new ResultLimit(4031).CheckShape(request));

        Assert.Contains("168 hour buckets", refused.Message, StringComparison.Ordinal);
        Assert.Contains("4,032 cells", refused.Message, StringComparison.Ordinal);
        Assert.Contains("narrow it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cap_counts_the_columns_the_export_writes()
    {
        var catalog = ModScope.Catalog.CatalogLoader.LoadDefault();
        var request = new MetricRequest(["decision_volume"], ["market", "queue", "site"], TimeGrain.Day, [],
            new Period(new DateTime(2026, 9, 7), new DateTime(2026, 9, 14), "UTC", "week"));
        var result = new MetricResult("decision_volume", new DateTime(2026, 9, 7), new Dictionary<string, string?> { ["market"] = "US", ["queue"] = "US-video", ["site"] = "MNL" },
            42, null, null, null, null);

        var row = Assert.Single(ExportTable.Rows(request, [QueryRow.From(result, catalog.Metric("decision_volume"), "en", Comparison.None)]));

        Assert.Equal(ResultLimit.Columns(request), row.Count);
    }

    [Fact]
    public void Rows_over_the_cap_for_the_request_s_columns_are_refused()
    {
        var request = new MetricRequest(["decision_volume"], ["market", "queue"], TimeGrain.None, [],
            new Period(new DateTime(2026, 9, 7), new DateTime(2026, 9, 14), "UTC", "week"));
        var limit = new ResultLimit(1300);

        // 13 columns: 100 rows are 1,300 cells, 101 are 1,313.
        Assert.Equal(100, limit.MaxRows(request));
        limit.CheckRows(request, 100);
        Assert.Throws<ResultTooLargeException>(() => limit.CheckRows(request, 101));
    }
}
