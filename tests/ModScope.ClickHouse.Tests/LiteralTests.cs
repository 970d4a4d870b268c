using ModScope.ClickHouse;

namespace ModScope.ClickHouse.Tests;

/// <summary>Values bound into ClickHouse SQL are escaped on the client: no value can end its literal early.</summary>
public sealed class LiteralTests
{
    [Theory]
    [InlineData("US", "'US'")]
    [InlineData("O'Brien", @"'O\'Brien'")]
    [InlineData(@"a\'; DROP TABLE x; --", @"'a\\\'; DROP TABLE x; --'")]
    [InlineData("tab\tnew\nline", @"'tab\tnew\nline'")]
    public void Strings_are_quoted_with_backslash_escapes(string value, string expected) =>
        Assert.Equal(expected, ClickHouseLiterals.Format(value));

    [Fact]
    public void Placeholders_become_literals_and_values_are_not_scanned_again()
    {
        var sql = ClickHouseLiterals.Bind("SELECT {p0}, {p1}, {p10}, {p2}", new Dictionary<string, object?>
        {
            ["p0"] = "{p1}", ["p1"] = new DateTime(2026, 9, 1, 8, 30, 0), ["p10"] = -480L, ["p2"] = 0.9,
        });

        Assert.Equal("SELECT '{p1}', toDateTime('2026-09-01 08:30:00'), -480, toFloat64(0.9)", sql);
    }

    [Fact]
    public void A_placeholder_without_a_value_names_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => ClickHouseLiterals.Bind("SELECT {p3}", new Dictionary<string, object?>()));

        Assert.Contains("'p3'", error.Message, StringComparison.Ordinal);
    }
}
