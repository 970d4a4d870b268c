using ModScope.Monitor.Findings;

namespace ModScope.Tests.Monitor;

/// <summary>
/// A finding's facts compare by content: the same finding found twice (on DuckDB and on ClickHouse, or read back from
/// the store) is equal, and one differing fact makes it differ.
/// </summary>
public sealed class FindingFactsEqualityTests
{
    private static FindingFacts Volume(long observed) =>
        FindingFacts.Of("volume.none", ("source", FindingFacts.Source("decisions")), ("observed", FindingFacts.Count(observed)),
            ("day", FindingFacts.Day(new DateOnly(2026, 12, 3))));

    [Fact]
    public void The_same_facts_built_twice_are_equal_and_one_different_fact_is_not()
    {
        Assert.Equal(Volume(0), Volume(0));
        Assert.Equal(Volume(0).GetHashCode(), Volume(0).GetHashCode());
        Assert.NotEqual(Volume(0), Volume(1));
        Assert.NotEqual(Volume(0), Volume(0) with { Template = "volume.drop" });
        Assert.NotEqual(Volume(0), FindingFacts.Of("volume.none", ("source", FindingFacts.Source("decisions"))));
    }

    [Fact]
    public void Facts_read_back_from_their_json_equal_the_ones_written()
    {
        var facts = Volume(3);

        Assert.Equal(facts, FindingFacts.FromJson(facts.ToJson()));
    }
}
