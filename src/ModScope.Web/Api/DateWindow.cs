using System.Globalization;
using ModScope.Common;
using ModScope.Query;

namespace ModScope.Web.Api;

/// <summary>
/// The days a request may name: 1900-01-01 up to (not including) 2200-01-01. Wide for any real data, and narrow
/// enough that what is done with a period (compared a year back, sparklines 12 weeks long, buckets, the day after the
/// newest decision) stays inside the calendar .NET can hold, whatever the data holds.
/// </summary>
internal static class DateWindow
{
    public static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    public static readonly DateTime End = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static string Text { get; } = string.Create(CultureInfo.InvariantCulture, $"{Earliest:yyyy-MM-dd}..{End.AddDays(-1):yyyy-MM-dd}");

    public static DateTime Day(string parameter, DateTime day, string given) =>
        day >= Earliest && day < End ? day
        : throw new BadParameterException(parameter, $"'{given}' lies outside the days a request may name ({Text}).", ProblemReason.Range("day", given, Text));

    public static DateOnly Day(string parameter, DateOnly day, string given) =>
        DateOnly.FromDateTime(Day(parameter, day.ToDateTime(TimeOnly.MinValue), given));

    public static Period Period(string parameter, Period period, string given)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Start >= Earliest && period.End <= End ? period
            : throw new BadParameterException(parameter, $"'{given}' reaches outside the days a request may name ({Text}).", ProblemReason.Range("period", given, Text));
    }
}
