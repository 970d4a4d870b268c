using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Detection;
using ModScope.Monitor.Findings;

namespace ModScope.Tests.Monitor;

/// <summary>
/// An alert's baseline paragraph, stored in English only, said in Chinese by <c>explain --lang zh-Hans</c>: its facts are
/// read back from the stored words. The Chinese sentences are written by hand.
/// </summary>
public sealed class BaselineWordsTests
{
    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();
    private static readonly FindingRenderer English = new(Catalog, ReferenceData.Shipped, "en");
    private static readonly FindingRenderer Chinese = new(Catalog, ReferenceData.Shipped, "zh-Hans");

    private static BaselineNote Note(BaselineMethod method, int? period, double lower, double upper, double? n = null, bool knownEvent = false) =>
        new(method, period, TimeSpan.FromDays(1), SeasonalReferences: 4, LevelPoints: 14, ScalePoints: 56, Spread: 2.5, AlertZ: 4,
            Expected: 162, Lower: lower, Upper: upper, SampleSize: n, KnownEvent: knownEvent);

    [Fact]
    public void A_median_baseline_is_said_in_chinese()
    {
        // Half-width 10 = 4 × 2.5: the plain band.
        var stored = Note(BaselineMethod.Level, null, 152, 172).Describe();
        Assert.StartsWith("Expected 162 from the median of the last 14 values", stored, StringComparison.Ordinal);

        Assert.Equal("预期值162，依据最近14个值的中位数（历史中未发现季节性）；区间±10 = 稳健离散度2.5的4倍（取自最近56个残差的四分位数，尾部较重时取中间90%或98%）。"
            + "远离以往区间的值在进入基线前已被截断。", Chinese.Baseline(stored));
        Assert.Equal(stored, English.Baseline(stored));
    }

    [Fact]
    public void A_seasonal_baseline_with_sampling_noise_and_a_known_event_is_said_in_chinese()
    {
        // A season of 7 days; the band ±30 is wider than 4 × 2.5, and a known event is active.
        var stored = Note(BaselineMethod.Seasonal, 7, 132, 192, n: 400, knownEvent: true).Describe();

        Assert.Equal("预期值162，依据前4个周期（每个周期7天）同一时点的中位数，再按近期值与其季节中位数之差的中位数（最近14个点）平移；"
            + "区间±30，因已知事件而加宽（稳健离散度2.5的4倍，且不小于事件容差）；变化还须超过n = 400时的抽样噪声；"
            + "已知日历事件正在进行，因此区间已加宽，且该点不计入基线。远离以往区间的值在进入基线前已被截断。", Chinese.Baseline(stored));
    }

    [Fact]
    public void Every_kind_of_baseline_reads_back_to_its_stored_words_and_leaves_no_english_in_chinese()
    {
        var notes = new[]
        {
            Note(BaselineMethod.Pooled, null, 152, 172),
            Note(BaselineMethod.Recent, null, 100, 172) with { StandardError = 0.5 },
            Note(BaselineMethod.Level, 7, 152, 172) with { Learned = new LearnedBand(200, 0.001) },
            Note(BaselineMethod.Seasonal, 24, 152, 172) with { Interval = TimeSpan.FromHours(1) },
        };
        foreach (var stored in notes.Select(n => n.Describe()))
        {
            Assert.Equal(stored, English.Baseline(stored));
            Assert.DoesNotMatch("[a-z]{3,}", Chinese.Baseline(stored));
        }
        // A paragraph in no known shape (a future wording) is shown as stored.
        Assert.Equal("Expected 3 from somewhere.", Chinese.Baseline("Expected 3 from somewhere."));
    }
}
