using static ModScope.Monitor.Quality.QualityText;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Daily rows per source, and decisions per site, against the same weekday of the trailing weeks (<see cref="VolumeSql"/>).
/// Days are judged from the window start up to the source's watermark. A move that a calendar event explains is not
/// reported: an event active that day whose effect goes the same way, in markets holding at least half of the segment's rows.
/// </summary>
internal sealed class VolumeCheck : IQualityCheck
{
    private const string AllRows = "'all rows'";

    public IEnumerable<QualityFinding> Run(QualityContext context)
    {
        var findings = new List<QualityFinding>();
        foreach (var source in context.Sources)
        {
            if (context.Watermarks[source.Name].CompleteThrough is not { } last || last < context.WindowStart)
            {
                continue;
            }
            var checkTo = last < context.AsOf ? last : context.AsOf;
            findings.AddRange(Judge(context, source, AllRows, "", checkTo));
            if (source == QualitySource.Decisions)
            {
                findings.AddRange(Judge(context, source, "site", "AND site IS NOT NULL", checkTo));
            }
        }
        return findings;
    }

    private static IEnumerable<QualityFinding> Judge(QualityContext context, QualitySource source, string segment, string where, DateOnly checkTo)
    {
        var v = context.Settings.Volume;
        var from = context.WindowStart.AddDays(-7 * v.BaselineWeeks);
        var days = context.Sql.Rows(VolumeSql.Build(source, segment, where),
            r => (Segment: r.GetString(0), Day: r.GetFieldValue<DateOnly>(1), Rows: r.GetInt64(2), Expected: r.GetDouble(3), Z: r.GetDouble(4)),
            ("from", from), ("until", checkTo.AddDays(1)), ("check_from", context.WindowStart), ("weeks", v.BaselineWeeks),
            ("min_weeks", v.MinBaselineWeeks), ("min_spread", v.MinSpread), ("min_expected", v.MinExpectedRows),
            ("z", v.RobustZ), ("relative_change", v.RelativeChange));
        foreach (var day in days)
        {
            var above = day.Rows > day.Expected;
            if (source.HasMarket && Explained(context, source, segment, day.Segment, day.Day, from, checkTo, above))
            {
                continue;
            }
            var name = segment == AllRows ? "all rows" : $"{segment} = {day.Segment}";
            var who = segment == AllRows ? source.Name : $"{source.Name} from {segment} {day.Segment}";
            var change = day.Rows / day.Expected - 1;
            var message = day.Rows == 0
                ? $"No {who} on {Day(day.Day)}, a {day.Day.DayOfWeek} that usually has {Number(day.Expected)} (median of the same weekday over up to {v.BaselineWeeks} weeks)."
                : $"{Count(day.Rows)} {who} on {Day(day.Day)} against a usual {Number(day.Expected)} for a {day.Day.DayOfWeek} " +
                  $"({(change > 0 ? "+" : "")}{Percent(change)}, robust z {day.Z.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}; " +
                  $"flagged beyond ±{Percent(v.RelativeChange)} and |z| {Number(v.RobustZ)}).";
            var critical = day.Rows == 0 || Math.Abs(day.Z) > v.CriticalZ;
            yield return new QualityFinding(QualityCheckKind.Volume, critical ? QualitySeverity.Critical : QualitySeverity.Warning,
                source.Name, name, day.Day, day.Rows, day.Expected, null, QualityUnit.Rows, message);
        }
    }

    /// <summary>True when events active that day, moving volume this way, cover markets with at least half of the segment's rows.</summary>
    private static bool Explained(QualityContext context, QualitySource source, string segment, string value, DateOnly day,
        DateOnly from, DateOnly checkTo, bool above)
    {
        var markets = context.Sql.Rows(VolumeSql.Markets(source, segment), r => (Market: r.GetString(0), Rows: r.GetInt64(1)),
            ("from", from), ("until", checkTo.AddDays(1)), ("segment", value), ("day", day));
        var total = markets.Sum(m => m.Rows);
        var explained = markets.Where(m => context.Calendar.ActiveOn(day, m.Market).Any(e => e.Effect.Explains(above))).Sum(m => m.Rows);
        return total > 0 && explained * 2 >= total;
    }
}
