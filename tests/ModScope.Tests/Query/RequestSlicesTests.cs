using ModScope.Query;

namespace ModScope.Tests.Query;

/// <summary>
/// Slicings of one QA request cut from its groups (<see cref="RequestSlices"/>) equal the plain Hájek estimate over the
/// files (<see cref="PlainMetrics"/>, written from DOMAIN.md) and the slicing asked as its own request, counts and
/// intervals included; a request with other statements is not merged and runs each slice itself.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class RequestSlicesTests(ParityFixture fixture)
{
    private static readonly Period Weeks = new(new DateTime(2026, 8, 31), new DateTime(2026, 9, 21), "UTC", "2026-08-31..2026-09-20");
    private static readonly Period SecondWeek = new(new DateTime(2026, 9, 7), new DateTime(2026, 9, 14), "UTC", "second week");
    private static readonly string[] Metrics = ["qa_accuracy", "over_enforcement_rate"];
    private static readonly string[] All = ["decided_by", "detection_source", "market"];

    public static TheoryData<string> Slicings => ["total", "by decided_by", "by market, decided_by=human", "by detection_source, market=US, one week", "by market, decided_by=nobody"];

    [Theory]
    [MemberData(nameof(Slicings))]
    public async Task A_slicing_cut_from_the_request_equals_the_plain_estimate_and_its_own_request(string name)
    {
        var slice = Slice(name);
        var request = new MetricRequest(Metrics, All, TimeGrain.Day, [], Weeks);
        var slices = await fixture.Query.SlicesAsync(request);

        var cut = await slices.RunAsync(slice);
        var own = await fixture.Query.RunAsync(slice.Of(request));

        Assert.True(slices.Merged);
        Assert.Equal(own.Count, cut.Count);
        if (name.EndsWith("nobody", StringComparison.Ordinal))
        {
            Assert.Empty(cut);
            return;
        }
        Assert.NotEmpty(cut);
        for (var i = 0; i < cut.Count; i++)
        {
            var (c, o) = (cut[i], own[i]);
            Assert.Equal((o.Metric, o.Bucket), (c.Metric, c.Bucket));
            Assert.Equal(o.Dimensions.OrderBy(p => p.Key), c.Dimensions.OrderBy(p => p.Key));
            Assert.Equal(o.SampleSize, c.SampleSize);
            foreach (var (mine, theirs) in new[]
                     {
                         (c.Value, o.Value), (c.Numerator, o.Numerator), (c.Denominator, o.Denominator), (c.EffectiveSampleSize, o.EffectiveSampleSize),
                         (c.Interval?.Lower, o.Interval?.Lower), (c.Interval?.Upper, o.Interval?.Upper),
                     })
            {
                Close(theirs, mine);
            }
            // The plain estimate: first audit per decision, weights N_h/n_h, over the slice's decisions.
            var (from, to) = slice.Days is { } days ? (days.Start, days.End) : (c.Bucket!.Value, c.Bucket!.Value.AddDays(1));
            var expected = PlainMetrics.Compute(c.Metric, fixture.Plain, from, to, d => InSlice(d, c.Dimensions, slice.Filters), _ => true);
            Close(expected, c.Value);
        }
    }

    [Fact]
    public async Task A_request_with_counts_is_not_merged_and_answers_each_slice_as_its_own_request()
    {
        var request = new MetricRequest(["decision_volume"], ["decided_by", "market"], TimeGrain.Day, [], Weeks);
        var slices = await fixture.Query.SlicesAsync(request);
        var slice = new MetricSlice(["market"], [new DimensionFilter("decided_by", FilterOperator.Equals, ["human"])]);

        var results = await slices.RunAsync(slice);

        Assert.False(slices.Merged);
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var day = r.Bucket!.Value;
            Assert.Equal(fixture.Plain.Decisions.Count(d => d.Decided >= day && d.Decided < day.AddDays(1) && d.By == "human" && d.Market == r.Dimensions["market"]), r.Value);
        }
    }

    private static MetricSlice Slice(string name) => name switch
    {
        "total" => new MetricSlice([], []),
        "by decided_by" => new MetricSlice(["decided_by"], []),
        "by market, decided_by=human" => new MetricSlice(["market"], [Equal("decided_by", "human")]),
        "by detection_source, market=US, one week" => new MetricSlice(["detection_source"], [Equal("market", "US")], SecondWeek),
        "by market, decided_by=nobody" => new MetricSlice(["market"], [Equal("decided_by", "nobody")]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such slicing."),
    };

    private static DimensionFilter Equal(string dimension, string value) => new(dimension, FilterOperator.Equals, [value]);

    private static bool InSlice(PlainData.Dec d, IReadOnlyDictionary<string, string?> group, IReadOnlyList<DimensionFilter> filters) =>
        group.Concat(filters.Select(f => new KeyValuePair<string, string?>(f.Dimension, f.Values[0]))).All(p => Of(d, p.Key) == p.Value);

    private static string? Of(PlainData.Dec d, string dimension) => dimension switch
    {
        "decided_by" => d.By,
        "detection_source" => d.Source,
        "market" => d.Market,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Not read by this test."),
    };

    // Weighted sums added in another order differ in the last bits only.
    private static void Close(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1.0, Math.Abs(e)), $"expected {e:R}, got {a:R}");
        }
    }
}
