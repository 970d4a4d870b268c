namespace ModScope.Query;

/// <summary>
/// A half-open span of local calendar time [<see cref="Start"/>, <see cref="End"/>) in <see cref="TimeZone"/>,
/// with the text it was parsed from.
/// </summary>
public sealed record Period(DateTime Start, DateTime End, string TimeZone, string Label)
{
    public TimeSpan Length => End - Start;

    /// <summary>Whole UTC days <paramref name="first"/> through <paramref name="last"/>, labelled <c>first..last</c>.</summary>
    public static Period UtcDays(DateOnly first, DateOnly last) =>
        new(first.ToDateTime(TimeOnly.MinValue), last.AddDays(1).ToDateTime(TimeOnly.MinValue), "UTC",
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}"));

    /// <summary>The same span moved by <paramref name="offset"/>, or by calendar months.</summary>
    public Period Shift(TimeSpan offset, string label) => this with { Start = Start + offset, End = End + offset, Label = label };

    public Period ShiftYears(int years, string label) => this with { Start = Start.AddYears(years), End = End.AddYears(years), Label = label };
}
