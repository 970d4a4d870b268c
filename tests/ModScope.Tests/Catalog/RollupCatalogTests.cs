using ModScope.Catalog;
using ModScope.Common;

namespace ModScope.Tests.Catalog;

/// <summary>
/// The catalogue's <c>rollups:</c> list: the shipped two (the dashboard's <c>daily</c>, the monitor's <c>daily_mix</c>),
/// the older single <c>rollup:</c> read as a list of one, and a bad entry (a name twice, an unknown dimension, both keys)
/// refused with the file, the line and the field. Expected lines are found in the YAML text by hand.
/// </summary>
public sealed class RollupCatalogTests
{
    private static string Shipped() => File.ReadAllText(Support.RepoPaths.Combine("catalog", "core-index.yaml"));

    /// <summary>The shipped catalogue with its <c>rollups:</c> block (up to the next top-level key) replaced by <paramref name="block"/>.</summary>
    private static string WithRollups(string block)
    {
        var text = Shipped();
        var start = text.IndexOf("\nrollups:\n", StringComparison.Ordinal) + 1;
        var end = text.IndexOf("\nmetrics:\n", start, StringComparison.Ordinal) + 1;
        return text[..start] + block + text[end..];
    }

    /// <summary>The 1-based line of the first line of <paramref name="text"/> that contains <paramref name="part"/>.</summary>
    private static int LineOf(string text, string part) =>
        Array.FindIndex(text.Split('\n'), l => l.Contains(part, StringComparison.Ordinal)) + 1;

    [Fact]
    public void The_shipped_catalogue_keeps_the_dashboards_and_the_monitors_rollups()
    {
        var rollups = CatalogLoader.LoadDefault().Rollups;
        Assert.Equal(["daily", "daily_mix"], rollups.Select(r => r.Name));
        Assert.Equal(["market", "region", "queue", "site", "policy"], rollups[0].Dimensions);
        Assert.Equal(["market", "region", "policy", "decided_by", "object_type", "detection_source"], rollups[1].Dimensions);
        Assert.All(rollups, r => Assert.Equal("UTC", r.TimeZone));
    }

    [Fact]
    public void The_older_single_rollup_is_read_as_a_list_of_one()
    {
        var catalog = CatalogLoader.Parse(WithRollups("rollup:\n  name: daily\n  time_zone: UTC\n  dimensions: [market, site]\n\n"), "single.yaml");
        var rollup = Assert.Single(catalog.Rollups);
        Assert.Equal(("daily", "UTC"), (rollup.Name, rollup.TimeZone));
        Assert.Equal(["market", "site"], rollup.Dimensions);
    }

    [Fact]
    public void A_name_given_twice_is_refused_with_its_line()
    {
        var text = WithRollups("rollups:\n  - name: daily\n    time_zone: UTC\n    dimensions: [market]\n  - name: daily\n    time_zone: UTC\n    dimensions: [site]\n\n");
        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(text, "twice.yaml"));
        var issue = Assert.Single(error.Issues);
        Assert.Equal(("twice.yaml", "rollups[1].name"), (issue.File, issue.Field));
        Assert.Contains("'daily' is named twice", issue.Message, StringComparison.Ordinal);
        // The second entry's line: the first '- name: daily' line after the first one.
        Assert.Equal(LineOf(text, "  - name: daily") + 3, issue.Line);
    }

    [Fact]
    public void An_unknown_dimension_is_refused_with_its_line_and_a_near_match()
    {
        var text = WithRollups("rollups:\n  - name: daily\n    time_zone: UTC\n    dimensions: [market]\n  - name: mix\n    time_zone: UTC\n    dimensions: [decided_bye]\n\n");
        var error = Assert.Throws<CatalogException>(() => CatalogLoader.Parse(text, "unknown.yaml"));
        var issue = Assert.Single(error.Issues);
        Assert.Equal("rollups[1].dimensions", issue.Field);
        Assert.Equal(LineOf(text, "dimensions: [decided_bye]"), issue.Line);
        Assert.Contains("unknown dimension 'decided_bye'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("decided_by", issue.Message.Replace("'decided_bye'", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_keys_or_a_rollups_that_is_no_list_are_refused()
    {
        var both = WithRollups("rollup:\n  name: a\n  time_zone: UTC\n  dimensions: [market]\nrollups:\n  - name: b\n    time_zone: UTC\n    dimensions: [site]\n\n");
        var issue = Assert.Single(Assert.Throws<CatalogException>(() => CatalogLoader.Parse(both, "both.yaml")).Issues);
        Assert.Equal(("rollup", Array.IndexOf(both.Split('\n'), "rollup:") + 2), (issue.Field, issue.Line));

        var mapping = WithRollups("rollups:\n  name: a\n  time_zone: UTC\n  dimensions: [market]\n\n");
        issue = Assert.Single(Assert.Throws<CatalogException>(() => CatalogLoader.Parse(mapping, "mapping.yaml")).Issues);
        Assert.Equal("rollups", issue.Field);
        Assert.Contains("expected a list", issue.Message, StringComparison.Ordinal);
    }
}
