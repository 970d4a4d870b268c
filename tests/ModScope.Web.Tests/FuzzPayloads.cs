namespace ModScope.Web.Tests;

/// <summary>
/// What a hostile or careless caller sends: SQL metacharacters, patterns, dates at and beyond the calendar's edges,
/// huge and odd numbers, control characters, path tricks and long text.
/// </summary>
internal static class FuzzPayloads
{
    public static IReadOnlyList<string> All { get; } =
    [
        // SQL and pattern metacharacters
        "' OR '1'='1", "'; DROP TABLE decisions; --", "\" OR 1=1 --", "1; SELECT * FROM files", "%", "_", "\\", "*", "?", "[12]", "{0}", "$1",
        "market=US' --",
        // dates and periods at and beyond the calendar's edges
        "0001-01-01", "9999-12-31", "0001-01-01..9999-12-31", "9999-W52", "9999-W53", "0000-W00", "9999-Q4", "9999-12", "-0001-01-01",
        "2026-02-30", "2026-13", "last 2147483647 days", "last 99999999999999999999 weeks", "last 9999 months", "last 0 days",
        // numbers
        "99999999999999999999", "-9223372036854775808", "9223372036854775807", "1e308", "NaN", "-1", "0", "0x7fffffff",
        // control characters, odd unicode, paths, length
        "\0", "\u0001\u0002\u0003", "\r\n", "\t", "\u001b[31m", "\u202e", "𝕏ℤ", "../../../../etc/passwd", "/dev/zero", "",
        new string('a', 2000), "null", "{}", "[]",
    ];
}
