using ModScope.Monitor.Findings;
using static ModScope.Monitor.Quality.QualityText;
using static ModScope.Monitor.Quality.QualityValues;

namespace ModScope.Monitor.Quality;

/// <summary>
/// Daily rows per source, and decisions per site, against the same weekday of the trailing weeks (<see cref="VolumeBaseline"/>).
/// Days are judged from the window start up to the source's watermark. A move that a calendar event explains is not
/// reported: an event active that day whose effect goes the same way, in markets holding at least half of the segment's rows.
/// </summary>
internal sealed class VolumeCheck : IQualityCheck
{
    private const string AllRows = "all rows";

    public async Task<IReadOnlyList<QualityFinding>> RunAsync(QualityContext context)
    {
        var findings = new List<QualityFinding>();
        foreach (var source in context.Sources)
        {
            if (context.Watermarks[source.Name].CompleteThrough is not { } last || last < context.WindowStart)
            {
                continue;
            }
            var checkTo = last < context.AsOf ? last : context.AsOf;
            // Decisions are also judged per site: one read by site, market and day gives both (all rows: every site
            // and none summed; per site: the rows whose site is not NULL).
            var segment = source == QualitySource.Decisions ? "site" : null;
            var counts = await CountAsync(context, source, segment, checkTo).ConfigureAwait(false);
            findings.AddRange(Judge(context, source, null, checkTo, counts
                .GroupBy(c => (c.Market, c.Day))
                .Select(g => (Segment: AllRows, g.Key.Market, g.Key.Day, Rows: g.Sum(c => c.Rows)))
                .ToList()));
            if (segment is not null)
            {
                findings.AddRange(Judge(context, source, segment, checkTo,
                    counts.Where(c => c.Segment is not null).Select(c => (Segment: c.Segment!, c.Market, c.Day, c.Rows)).ToList()));
            }
        }
        return findings;
    }

    /// <summary>Rows per segment (null where the row names none), market and day, from the baseline's first day to <paramref name="checkTo"/>.</summary>
    /// <param name="segment">The column naming a row's segment, or null for the whole source.</param>
    private static async Task<List<(string? Segment, string Market, DateOnly Day, long Rows)>> CountAsync(
        QualityContext context, QualitySource source, string? segment, DateOnly checkTo)
    {
        var sql = context.Sql;
        var from = context.WindowStart.AddDays(-7 * context.Settings.Volume.BaselineWeeks);
        var column = segment is null ? "''" : sql.Quote(segment);
        var market = source.HasMarket ? sql.Quote("market") : "''";
        var rows = await sql.RowsAsync($"""
            SELECT {column} AS segment, {column} IS NOT NULL AS named, {market} AS market, {source.Day} AS day, count(*)
            FROM {sql.Table(source.Name)}
            WHERE {source.Between()}
            GROUP BY segment, named, market, day
            """, ("from", source.Bound(from)), ("until", source.Bound(checkTo.AddDays(1)))).ConfigureAwait(false);
        return rows.Select(r => (Segment: segment is not null && AsBool(r[1]) ? AsText(r[0]) : null, Market: AsText(r[2]), Day: AsDay(r[3]), Rows: AsLong(r[4])))
            .ToList();
    }

    /// <param name="segment">The column naming a row's segment, or null for the whole source.</param>
    /// <param name="counts">Rows per segment (of <paramref name="segment"/>, or <see cref="AllRows"/>), market and day.</param>
    private static List<QualityFinding> Judge(QualityContext context, QualitySource source, string? segment, DateOnly checkTo,
        List<(string Segment, string Market, DateOnly Day, long Rows)> counts)
    {
        var v = context.Settings.Volume;
        var from = context.WindowStart.AddDays(-7 * v.BaselineWeeks);
        var daily = counts.GroupBy(c => (c.Segment, c.Day)).ToDictionary(g => g.Key, g => g.Sum(c => c.Rows));
        var findings = new List<QualityFinding>();
        foreach (var day in VolumeBaseline.Judge(daily, from, checkTo.AddDays(1), context.WindowStart, v))
        {
            var above = day.Rows > day.Expected;
            if (source.HasMarket && Explained(context, counts.Where(c => c.Segment == day.Segment).ToList(), day.Day, above))
            {
                continue;
            }
            var name = segment is null ? AllRows : $"{segment} = {day.Segment}";
            var who = segment is null ? source.Name : $"{source.Name} from {segment} {day.Segment}";
            var change = day.Rows / day.Expected - 1;
            var message = day.Rows == 0
                ? $"No {who} on {Day(day.Day)}, a {day.Day.DayOfWeek} that usually has {Number(day.Expected)} (median of the same weekday over up to {v.BaselineWeeks} weeks)."
                : $"{Count(day.Rows)} {who} on {Day(day.Day)} against a usual {Number(day.Expected)} for a {day.Day.DayOfWeek} " +
                  $"({(change > 0 ? "+" : "")}{Percent(change)}, robust z {day.Z.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}; " +
                  $"flagged beyond ±{Percent(v.RelativeChange)} and |z| {Number(v.RobustZ)}).";
            var critical = day.Rows == 0 || Math.Abs(day.Z) > v.CriticalZ;
            findings.Add(new QualityFinding(QualityCheckKind.Volume, critical ? QualitySeverity.Critical : QualitySeverity.Warning,
                source.Name, name, day.Day, day.Rows, day.Expected, null, QualityUnit.Rows, message)
            {
                Facts = new FindingFacts((day.Rows == 0 ? "volume.none" : "volume.change") + (segment is null ? "" : "_segment"),
                    new Dictionary<string, FindingFact>(StringComparer.Ordinal)
                    {
                        ["source"] = new(FactKind.Source, Text: source.Name),
                        ["segment"] = new(FactKind.Segment, Text: segment is null ? "" : $"{segment}={day.Segment}"),
                        ["day"] = FindingFacts.Day(day.Day), ["weekday"] = FindingFacts.Day(day.Day, FactKind.Weekday),
                        ["rows"] = FindingFacts.Count(day.Rows), ["expected"] = FindingFacts.Of(FactKind.Count, day.Expected),
                        ["weeks"] = FindingFacts.Count(v.BaselineWeeks), ["change"] = FindingFacts.Of(FactKind.SignedShare, change),
                        ["z"] = FindingFacts.Of(FactKind.Number, day.Z), ["limit"] = FindingFacts.Of(FactKind.Share, v.RelativeChange),
                        ["z_limit"] = FindingFacts.Of(FactKind.Number, v.RobustZ),
                    }),
            });
        }
        return findings;
    }

    /// <summary>
    /// True when events active that day, moving volume this way, cover markets with at least half of the segment's rows
    /// that day (or, when it sent nothing that day, over the whole history read).
    /// </summary>
    private static bool Explained(QualityContext context, List<(string Segment, string Market, DateOnly Day, long Rows)> segment, DateOnly day, bool above)
    {
        var thatDay = segment.Where(c => c.Day == day).ToList();
        var markets = (thatDay.Count > 0 ? thatDay : segment).GroupBy(c => c.Market, StringComparer.Ordinal)
            .Select(g => (Market: g.Key, Rows: g.Sum(c => c.Rows))).ToList();
        var total = markets.Sum(m => m.Rows);
        var explained = markets.Where(m => context.Calendar.ActiveOn(day, m.Market).Any(e => e.Effect.Explains(above))).Sum(m => m.Rows);
        return total > 0 && explained * 2 >= total;
    }
}
