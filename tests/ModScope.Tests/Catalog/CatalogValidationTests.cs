using ModScope.Catalog;
using ModScope.Common;

namespace ModScope.Tests.Catalog;

/// <summary>A broken catalogue reports every problem at once, each with its line and field.</summary>
public sealed class CatalogValidationTests
{
    private const string Broken = """
        catalog: test
        version: 1
        owner: tests
        dimensions:
          - id: market
            name: {en: Market, zh-Hans: 市场}
            column: markt
            sources: [decisions]
        metrics:
          - id: volume
            version: 1
            name: {en: Volume, zh-Hans: 量}
            description: {en: Decisions., zh-Hans: 决策。}
            unit: decisions
            format: integer
            direction: neutral
            measure: {source: decisions, time: decided_at, aggregate: count, where: [{column: decided_by, equals: humn}]}
          - id: volume
            version: 1
            name: {en: Volume again}
            description: {en: Twice., zh-Hans: 两次。}
            unit: decisions
            format: integer
            direction: neutral
            measure: {source: decisions, time: decided_at, aggregate: count}
          - id: loop_a
            version: 1
            name: {en: A, zh-Hans: 甲}
            description: {en: A., zh-Hans: 甲。}
            unit: ratio
            format: percent
            direction: sideways
            ratio: {numerator: loop_b, denominator: volume}
          - id: loop_b
            version: 1
            name: {en: B, zh-Hans: 乙}
            description: {en: B., zh-Hans: 乙。}
            unit: ratio
            format: percnt
            direction: neutral
            ratio: {numerator: loop_a, denominator: volumes}
          - id: tat
            version: 1
            name: {en: TAT, zh-Hans: 时效}
            description: {en: TAT., zh-Hans: 时效。}
            unit: hours
            format: hours
            direction: lower_is_better
            measure: {source: decisions, time: decided_at, aggregate: median, value: {hours_between: [created_at, decidedat]}}
        """;

    private static CatalogException Load() => Assert.Throws<CatalogException>(() => CatalogLoader.Parse(Broken, "broken.yaml"));

    private static CatalogIssue Find(CatalogException error, string fieldEnd, string messagePart) =>
        Assert.Single(error.Issues, i => i.Field.EndsWith(fieldEnd, StringComparison.Ordinal) && i.Message.Contains(messagePart, StringComparison.Ordinal));

    [Fact]
    public void An_unknown_dimension_column_is_reported_with_its_line_and_a_near_match()
    {
        var issue = Find(Load(), "dimensions.market.column", "unknown column 'markt'");
        Assert.Equal(7, issue.Line);
        Assert.Contains("did you mean 'market'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_an_enumeration_is_reported_with_a_near_match()
    {
        var issue = Find(Load(), "metrics.volume.measure.where", "'humn' is not a value of decided_by");
        Assert.Contains("'human'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_and_a_missing_translation_are_both_reported()
    {
        var error = Load();
        Assert.Equal(18, Find(error, "metrics.volume", "duplicate metric id").Line);
        Assert.Equal(20, Find(error, "metrics.volume.name.zh-Hans", "missing translation").Line);
    }

    [Fact]
    public void A_cycle_between_derived_metrics_is_reported()
    {
        Assert.Contains("loop_a -> loop_b", Find(Load(), ".ratio", "cycle between derived metrics").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_metric_references_columns_formats_and_directions_are_all_reported_at_once()
    {
        var error = Load();
        Assert.Contains("did you mean 'volume'", Find(error, "metrics.loop_b.ratio", "unknown metric 'volumes'").Message, StringComparison.Ordinal);
        Assert.Contains("'percent'", Find(error, "metrics.loop_b.format", "'percnt' is not a format").Message, StringComparison.Ordinal);
        Assert.Equal(32, Find(error, "metrics.loop_a.direction", "'sideways' is not a direction").Line);
        Assert.Contains("'decided_at'", Find(error, "metrics.tat.measure.value", "unknown column 'decidedat'").Message, StringComparison.Ordinal);
        Assert.True(error.Issues.Count >= 8, string.Join("\n", error.Issues));
    }
}
