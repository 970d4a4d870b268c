using ModScope.Query;

namespace ModScope.Tests.Query;

public sealed class PeriodParserTests
{
    // A Thursday, mid-afternoon.
    private static readonly DateTime Now = new(2026, 11, 26, 15, 30, 0);

    private static (DateTime Start, DateTime End) Parse(string text)
    {
        var period = PeriodParser.Parse(text, "Asia/Singapore", Now);
        return (period.Start, period.End);
    }

    [Theory]
    [InlineData("2026-11-01..2026-11-15", "2026-11-01", "2026-11-16")]
    [InlineData("2026-11-09", "2026-11-09", "2026-11-10")]
    [InlineData("2026-W46", "2026-11-09", "2026-11-16")]   // ISO week 46 of 2026 starts Monday 9 November
    [InlineData("2026-W01", "2025-12-29", "2026-01-05")]   // ISO week 1 holds the year's first Thursday (1 January 2026)
    [InlineData("2026-11", "2026-11-01", "2026-12-01")]
    [InlineData("2026-Q4", "2026-10-01", "2027-01-01")]
    [InlineData("last 7 days", "2026-11-19", "2026-11-26")]
    [InlineData("last 8 weeks", "2026-09-28", "2026-11-23")] // eight whole weeks before the current one (which starts 23 Nov)
    [InlineData("last full week", "2026-11-16", "2026-11-23")]
    [InlineData("last-week", "2026-11-16", "2026-11-23")]
    [InlineData("last full month", "2026-10-01", "2026-11-01")]
    [InlineData("month to date", "2026-11-01", "2026-11-27")]
    [InlineData("week to date", "2026-11-23", "2026-11-27")]
    [InlineData("yesterday", "2026-11-25", "2026-11-26")]
    public void Periods_are_half_open_local_spans(string text, string start, string end)
    {
        Assert.Equal((DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), Parse(text));
    }

    [Theory]
    [InlineData("last week of forever")]
    [InlineData("2026-13")]
    [InlineData("2026-11-15..2026-11-01")]
    [InlineData("last 0 days")]
    [InlineData("2026-W60")]
    [InlineData("2026-W00")]
    [InlineData("2025-W53")]
    [InlineData("0000-W01")]
    [InlineData("0000-Q1")]
    public void Nonsense_is_rejected_with_examples(string text)
    {
        var error = Assert.Throws<FormatException>(() => Parse(text));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_week_past_the_years_last_says_how_many_weeks_the_year_has()
    {
        // 1 Jan 2026 is a Thursday, so 2026 has 53 ISO weeks (ISO 8601: a year has W53 when it starts on a Thursday).
        var error = Assert.Throws<FormatException>(() => Parse("2026-W60"));

        Assert.Equal("'2026-W60' is not a week: 2026 has ISO weeks W01 to W53.", error.Message);
        Assert.Equal(new DateTime(2026, 12, 28), Parse("2026-W53").Start);
    }

    [Fact]
    public void The_previous_period_of_a_month_is_the_previous_calendar_month()
    {
        var november = PeriodParser.Parse("2026-11", "UTC", Now);

        var previous = PeriodParser.Compare(november, Comparison.PreviousPeriod);

        Assert.Equal((new DateTime(2026, 10, 1), new DateTime(2026, 11, 1)), (previous.Start, previous.End));
    }

    [Fact]
    public void Comparisons_shift_weeks_by_seven_days_and_years_by_the_calendar()
    {
        var week = PeriodParser.Parse("2026-W46", "UTC", Now);

        Assert.Equal(new DateTime(2026, 11, 2), PeriodParser.Compare(week, Comparison.PreviousPeriod).Start);
        Assert.Equal(new DateTime(2026, 11, 2), PeriodParser.Compare(week, Comparison.SameWeekdayLastWeek).Start);
        Assert.Equal(new DateTime(2025, 11, 9), PeriodParser.Compare(week, Comparison.SamePeriodLastYear).Start);
    }
}
