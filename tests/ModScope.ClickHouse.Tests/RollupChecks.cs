using System.Globalization;
using ModScope.Catalog;
using ModScope.Ingest;
using ModScope.Query;
using ModScope.Synthetic;

namespace ModScope.ClickHouse.Tests;

/// <summary>
/// The catalogue's rollup on ClickHouse, kept by the loader, in a database of the test's own: every catalogue metric ×
/// slicings (site by day for three markets; after the second load also everything by week, and the merged read mode)
/// read from the rollup equals the raw answer (<c>Exact</c>, the independent computation) to 1e-9, values and interval
/// bounds, after a first load and after a load of a later day with a re-delivery that moves decisions (with their
/// audits and appeals) to the next day;
/// a load without the catalogue leaves the rollup behind (raw, saying why) until a maintained load rebuilds it.
/// Run on 18.16 (two shards, <see cref="RollupTests"/>) and 26.7 (<see cref="ModernRollupTests"/>).
/// </summary>
public abstract class RollupChecks(ParityDataFixture fixture)
{
    private static readonly DateTime First = GeneratorOptions.DefaultStart.ToDateTime(TimeOnly.MinValue);
    private const int Days = 5;
    private static readonly Period All = new(First, First.AddDays(Days + 1), "UTC", "all days");
    private readonly MetricCatalog _catalog = CatalogLoader.LoadDefault();

    [Fact]
    public async Task The_rollup_answers_as_raw_after_loads_and_a_replacing_redelivery_and_catches_up_after_an_unmaintained_load()
    {
        await using var database = await fixture.ScratchDatabaseAsync("rollup");
        var data = Path.Combine(fixture.Folder, "rollup-data");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions(data, Days: Days, DecisionsPerDay: 120, Seed: 7));
        var last = First.AddDays(Days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var files = Directory.GetFiles(data, "*.csv").Where(f => Path.GetFileName(f).Split('-')[0] is "decisions" or "qa_audits" or "appeals" or "staffing")
            .Order(StringComparer.Ordinal).ToList();
        var lastDay = files.Where(f => Path.GetFileName(f).Contains(last, StringComparison.Ordinal)).ToList();
        var loader = new ClickHouseLoader(database.Merged) { Catalog = _catalog };

        await loader.IngestAsync(files.Except(lastDay).ToList(), new IngestOptions());
        await AssertParity(database.Final, "after a first load", BySite);

        // The last day, and a re-delivery of the first day's decisions (a newer version of each, decided a day later).
        var redelivery = Redelivery(files.First(f => Path.GetFileName(f).StartsWith("decisions-", StringComparison.Ordinal)));
        var second = await loader.IngestAsync([.. lastDay, redelivery], new IngestOptions());
        Assert.True(second.Files.Single(f => f.Path == redelivery).RowsReplaced > 0, "the re-delivery replaces decisions");
        var when = "after a load of a later day and a re-delivery that moved decisions to the next day";
        await AssertParity(database.Final, when, BySite, Overall);
        await AssertParity(database.Merged, when, BySite);

        var request = new MetricRequest(["decision_volume"], ["market"], TimeGrain.Day, [], All);
        await new ClickHouseLoader(database.Merged).IngestAsync([Redelivery(files.Last(f => Path.GetFileName(f).StartsWith("decisions-", StringComparison.Ordinal)))], new IngestOptions());
        Assert.Matches("^raw: rollup daily includes loads up to [0-9]+, the store has [0-9]+", new MetricQuery(_catalog, database.Final).Plan(request).Answered);
        Assert.StartsWith("raw: --exact", new MetricQuery(_catalog, database.Final).Plan(request with { Exact = true }).Answered, StringComparison.Ordinal);
        await loader.IngestAsync([Redelivery(files.First(f => Path.GetFileName(f).StartsWith("decisions-", StringComparison.Ordinal)), bump: 2)], new IngestOptions());
        await AssertParity(database.Final, "after a rebuild", BySite);
    }

    /// <summary>By site and day for three markets: every metric that has a site.</summary>
    private static readonly (string[] Dimensions, TimeGrain Grain, bool Filtered) BySite = (["site"], TimeGrain.Day, true);

    /// <summary>Every metric, by week.</summary>
    private static readonly (string[] Dimensions, TimeGrain Grain, bool Filtered) Overall = ([], TimeGrain.Week, false);

    /// <summary>
    /// Each slicing's request of every metric that has its dimensions, from the rollup and raw (quantile intervals are
    /// left out: they rank raw values either way).
    /// </summary>
    private async Task AssertParity(ClickHouseEngine engine, string when, params (string[] Dimensions, TimeGrain Grain, bool Filtered)[] cases)
    {
        var query = new MetricQuery(_catalog, engine);
        foreach (var (dimensions, grain, filtered) in cases)
        {
            var metrics = _catalog.Metrics.Where(m => dimensions.All(m.Dimensions.Contains)).Select(m => m.Id).ToList();
            var request = new MetricRequest(metrics, dimensions, grain, filtered ? [DimensionFilter.Parse("market=US,GB,ID")] : [], All) { LevelErrors = true };
            var label = $"{engine.Dialect.Name} {when}, by [{string.Join(",", dimensions)}]{(filtered ? " for US,GB,ID" : "")}, grain {grain}";
            Assert.StartsWith("rollup daily", query.Plan(request).Answered, StringComparison.Ordinal);
            var raw = await query.RunAsync(request with { Exact = true });
            Assert.True(raw.Count > 0, label);
            AssertSame(raw, await query.RunAsync(request), label);
        }
    }

    private static void AssertSame(IReadOnlyList<MetricResult> expected, IReadOnlyList<MetricResult> actual, string label)
    {
        Assert.True(expected.Count == actual.Count, $"{label}: {expected.Count} raw rows, {actual.Count} from the rollup");
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var what = $"{label}: {e.Metric} {e.Bucket:yyyy-MM-dd} {string.Join(",", e.Dimensions.Values)}";
            Assert.True(e.Metric == a.Metric && e.Bucket == a.Bucket && e.Dimensions.SequenceEqual(a.Dimensions), $"{what}: row {i} differs in its key");
            Close(e.Value, a.Value, what + " value");
            Close(e.Numerator, a.Numerator, what + " numerator");
            Close(e.Denominator, a.Denominator, what + " denominator");
            Close(e.SampleSize, a.SampleSize, what + " sample size");
            Close(e.Interval?.Lower, a.Interval?.Lower, what + " interval lower bound");
            Close(e.Interval?.Upper, a.Interval?.Upper, what + " interval upper bound");
        }
    }

    private static void Close(double? expected, double? actual, string what)
    {
        if (expected is null || actual is null || double.IsNaN(expected.Value))
        {
            Assert.True(expected.Equals(actual) || (expected is { } x && actual is { } y && double.IsNaN(x) && double.IsNaN(y)), $"{what}: {expected} raw, {actual} rollup");
            return;
        }
        Assert.True(Math.Abs(expected.Value - actual.Value) <= 1e-9 * Math.Max(1, Math.Abs(expected.Value)), $"{what}: {expected:R} raw, {actual:R} rollup");
    }

    /// <summary>
    /// A copy of 40 rows of a decisions file with a higher version (<paramref name="bump"/>), decided a day later and a
    /// second longer (market, queue and created_at kept, as ClickHouse's sorting key needs): each replaces its decision,
    /// moving it and its audits and appeals to the next day.
    /// </summary>
    private string Redelivery(string decisions, int bump = 1)
    {
        var lines = File.ReadAllLines(decisions);
        var header = lines[0].Split(',');
        var (decidedAt, version, seconds) = (Array.IndexOf(header, "decided_at"), Array.IndexOf(header, "version"), Array.IndexOf(header, "handling_seconds"));
        var rows = lines.Skip(1).Where(l => !l.Contains('"', StringComparison.Ordinal)).Take(40).Select(l =>
        {
            var values = l.Split(',');
            values[decidedAt] = DateTimeOffset.Parse(values[decidedAt], CultureInfo.InvariantCulture).AddDays(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            values[version] = (int.Parse(values[version], CultureInfo.InvariantCulture) + bump).ToString(CultureInfo.InvariantCulture);
            values[seconds] = values[seconds].Length == 0 ? "" : (double.Parse(values[seconds], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
            return string.Join(',', values);
        });
        var path = Path.Combine(fixture.Folder, $"decisions-rollup-{Path.GetFileNameWithoutExtension(decisions)}-v{bump}.csv");
        File.WriteAllLines(path, [lines[0], .. rows]);
        return path;
    }
}
