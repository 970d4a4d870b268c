using System.Globalization;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.Tests.Catalog;

/// <summary>
/// The catalogue's <c>targets:</c> entries are defaults per segment: a store's targets file row overrides one for the
/// same metric and segment, a more specific entry still beats a broader file row, and the metric's <c>target</c> is the
/// fallback. Expected values are read off the rows below by that precedence, by hand.
/// </summary>
public sealed class CatalogTargetsTests
{
    private static readonly DateOnly Always = ReferenceSchema.Always;

    private const string Targets = """

        targets:
          - {metric: qa_accuracy, region: SEA, value: 0.95}
          - {metric: qa_accuracy, market: ID, value: 0.97}
          - {metric: qa_accuracy, market: TH, value: 0.94, valid_from: 2026-07-01}
          - {metric: qa_accuracy, queue: ID-live, value: 0.99}
        """;

    private static string Shipped() => File.ReadAllText(Support.RepoPaths.Combine("catalog", "core-index.yaml"));

    private static readonly MetricCatalog Catalog = CatalogLoader.Parse(Shipped() + Targets, "targets.yaml");

    private static ReferenceData Reference(params SegmentTarget[] stored) => new(
        [new Market("ID", "Indonesia", "", "SEA", "id", "Asia/Jakarta", Always), new Market("TH", "Thailand", "", "SEA", "th", "Asia/Bangkok", Always),
         new Market("GB", "United Kingdom", "", "UK", "en", "Europe/London", Always)],
        [],
        [new Queue("ID-live", "ID", "livestream", 1, "ID live", "", Always)],
        [])
    {
        Targets = stored,
    };

    private static SegmentTarget Qa(double value, string market = "", string region = "", string from = "1970-01-01") =>
        new("qa_accuracy", market, region, "", "", "", value, DateOnly.Parse(from, CultureInfo.InvariantCulture));

    private static double? Target(ReferenceData reference, string day, string dimension, string value) =>
        SegmentTargets.For(Catalog.Metric("qa_accuracy"), new Dictionary<string, string> { [dimension] = value },
            DateOnly.Parse(day, CultureInfo.InvariantCulture), reference);

    [Theory]
    [InlineData("2026-06-30", 0.97, "market", "ID")]     // the catalogue's ID entry
    [InlineData("2026-06-30", 0.95, "market", "TH")]     // TH's own entry starts in July: SEA's
    [InlineData("2026-07-01", 0.94, "market", "TH")]
    [InlineData("2026-06-30", 0.99, "queue", "ID-live")]
    [InlineData("2026-06-30", 0.95, "region", "SEA")]
    public void Catalogue_entries_apply_by_segment_without_a_targets_file(string day, double expected, string dimension, string value)
    {
        Assert.Equal(expected, Target(Reference(), day, dimension, value));
    }

    [Fact]
    public void A_segment_without_an_entry_keeps_the_metrics_target()
    {
        var qa = Catalog.Metric("qa_accuracy");
        Assert.Equal(0.95, qa.Target); // core-index.yaml's qa_accuracy target
        Assert.Equal(qa.Target, Target(Reference(), "2026-06-30", "market", "GB"));
        Assert.Equal(4, qa.CatalogTargets.Count);
        Assert.Empty(Catalog.Metric("sla_attainment").CatalogTargets);
    }

    [Fact]
    public void The_stores_row_for_the_same_segment_wins_whatever_its_date()
    {
        // The file's ID row is older than nothing and newer than nothing: for the same metric x market it overrides the
        // catalogue's 0.97; SEA has no file row, so TH keeps the catalogue's SEA entry; the queue's entry is narrower
        // than the file's market row, so it still applies.
        var reference = Reference(Qa(0.965, market: "ID", from: "2026-01-01"));

        Assert.Equal(0.965, Target(reference, "2026-06-30", "market", "ID"));
        Assert.Equal(0.97, Target(reference, "2025-12-31", "market", "ID")); // before the file's row is in force
        Assert.Equal(0.95, Target(reference, "2026-06-30", "market", "TH"));
        Assert.Equal(0.99, Target(reference, "2026-06-30", "queue", "ID-live"));
    }

    [Fact]
    public void A_catalogue_for_a_segment_carries_the_catalogues_entries()
    {
        var applied = SegmentTargets.Apply(Catalog, [DimensionFilter.Parse("market=ID")], new DateOnly(2026, 6, 30), Reference());

        Assert.Equal(0.97, applied.Metric("qa_accuracy").Target);
        Assert.Equal(Catalog.Metric("sla_attainment").Target, applied.Metric("sla_attainment").Target);
    }

    [Fact]
    public void Bad_entries_name_the_line_and_field()
    {
        const string bad = """

            targets:
              - {metric: qa_acuracy, market: ID, value: 0.97}
              - {metric: qa_accuracy, market: ID, value: high}
              - {metric: qa_accuracy, market: ID, value: 0.9, valid_from: 1 July}
              - {metric: qa_accuracy, markt: ID, value: 0.9}
              - {metric: qa_accuracy, region: SEA, value: 0.95}
              - {metric: qa_accuracy, region: SEA, value: 0.96}
            """;
        var shipped = Shipped();
        var first = shipped.Split('\n').Length + 2; // the line of the first entry: a blank line, then 'targets:'

        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(shipped + bad, "bad.yaml"));

        var issues = error.Issues.Select(i => (i.Line, i.Field)).ToList();
        Assert.Equal(
        [
            (first, "targets[0].metric"),
            (first + 1, "targets[1].value"),
            (first + 2, "targets[2].valid_from"),
            (first + 3, "targets[3].markt"),
            (first + 5, "targets[5]"),
        ], issues);
        Assert.Contains("did you mean 'qa_accuracy'", error.Issues[0].Message, StringComparison.Ordinal);
        Assert.All(error.Issues, i => Assert.Equal("bad.yaml", i.File));
    }
}
