using System.Globalization;
using System.Text.RegularExpressions;

namespace ModScope.Query;

/// <summary>
/// Parses the periods analysts write, relative to "now" in a stated time zone:
/// <c>2026-11-01..2026-11-15</c> (end day included), <c>2026-11-09</c>, <c>2026-W46</c> (ISO week), <c>2026-11</c>,
/// <c>2026-Q4</c>, <c>last 7 days</c>, <c>last 8 weeks</c>, <c>last 3 months</c> (full units before the current one),
/// <c>last full week</c> / <c>last-week</c>, <c>last full month</c> / <c>last-month</c>, <c>week to date</c>,
/// <c>month to date</c>, <c>yesterday</c>, <c>today</c>.
/// </summary>
public static partial class PeriodParser
{
    [GeneratedRegex(@"^last\s+(\d+)\s+(day|week|month)s?$", RegexOptions.IgnoreCase)]
    private static partial Regex LastN();

    [GeneratedRegex(@"^(\d{4})-W(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex IsoWeek();

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();

    public static Period Parse(string text, string timeZone, DateTime nowLocal)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var today = nowLocal.Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var month = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        Period P(DateTime start, DateTime end) => new(start, end, timeZone, t);

        switch (t.ToLowerInvariant().Replace('-', ' '))
        {
            case "today": return P(today, today.AddDays(1));
            case "yesterday": return P(today.AddDays(-1), today);
            case "last full week" or "last week": return P(monday.AddDays(-7), monday);
            case "last full month" or "last month": return P(month.AddMonths(-1), month);
            case "week to date": return P(monday, today.AddDays(1));
            case "month to date": return P(month, today.AddDays(1));
        }
        if (LastN().Match(t) is { Success: true } last)
        {
            var n = int.Parse(last.Groups[1].Value, CultureInfo.InvariantCulture);
            if (n < 1)
            {
                throw new FormatException($"'{text}': the number of units must be at least 1.");
            }
            return last.Groups[2].Value.ToLowerInvariant() switch
            {
                "day" => P(today.AddDays(-n), today),
                "week" => P(monday.AddDays(-7 * n), monday),
                _ => P(month.AddMonths(-n), month),
            };
        }
        if (IsoWeek().Match(t) is { Success: true } week)
        {
            var year = int.Parse(week.Groups[1].Value, CultureInfo.InvariantCulture);
            var number = int.Parse(week.Groups[2].Value, CultureInfo.InvariantCulture);
            var weeks = year is >= 1 and <= 9998 ? ISOWeek.GetWeeksInYear(year) : 0;
            if (number < 1 || number > weeks)
            {
                throw new FormatException(weeks == 0
                    ? $"'{text}' is not a period: the year must be between 1 and 9998."
                    : $"'{text}' is not a week: {year} has ISO weeks W01 to W{weeks}.");
            }
            var start = ISOWeek.ToDateTime(year, number, DayOfWeek.Monday);
            return P(start, start.AddDays(7));
        }
        if (Quarter().Match(t) is { Success: true } quarter)
        {
            if (int.Parse(quarter.Groups[1].Value, CultureInfo.InvariantCulture) is < 1 or > 9998)
            {
                throw new FormatException($"'{text}' is not a period: the year must be between 1 and 9998.");
            }
            var start = new DateTime(int.Parse(quarter.Groups[1].Value, CultureInfo.InvariantCulture),
                (int.Parse(quarter.Groups[2].Value, CultureInfo.InvariantCulture) - 1) * 3 + 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            return P(start, start.AddMonths(3));
        }
        var range = t.Split("..", StringSplitOptions.TrimEntries);
        if (range.Length == 2 && Day(range[0]) is { } from && Day(range[1]) is { } to && to >= from)
        {
            return P(from, to.AddDays(1));
        }
        if (Day(t) is { } day)
        {
            return P(day, day.AddDays(1));
        }
        if (DateTime.TryParseExact(t, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
        {
            return P(m, m.AddMonths(1));
        }
        throw new FormatException(
            $"'{text}' is not a period; try 2026-11-01..2026-11-15, 2026-W46, 2026-11, 2026-Q4, 'last 7 days', 'last 8 weeks', 'last full week' or 'month to date'.");
    }

    /// <summary>The period a comparison looks at.</summary>
    public static Period Compare(Period period, Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(period);
        var wholeMonths = period.Start.Day == 1 && period.End.Day == 1 && period.Start.TimeOfDay == TimeSpan.Zero;
        var months = (period.End.Year - period.Start.Year) * 12 + period.End.Month - period.Start.Month;
        return comparison switch
        {
            Comparison.PreviousPeriod when wholeMonths && months > 0 =>
                period with { Start = period.Start.AddMonths(-months), End = period.Start, Label = $"previous {months} month(s)" },
            Comparison.PreviousPeriod => period.Shift(-period.Length, "previous period"),
            Comparison.SamePeriodLastYear => period.ShiftYears(-1, "same period last year"),
            Comparison.SameWeekdayLastWeek => period.Shift(TimeSpan.FromDays(-7), "same weekdays last week"),
            _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "No comparison period for None."),
        };
    }

    private static DateTime? Day(string text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
