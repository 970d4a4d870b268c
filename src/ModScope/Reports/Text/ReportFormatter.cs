using System.Globalization;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Calendar;
using ModScope.Monitor.Findings;
using ModScope.Monitor.Scan;
using ModScope.Query;
using ModScope.Reports.Story;

namespace ModScope.Reports.Text;

/// <summary>
/// Formats fact arguments for one language: values in the metric's format, changes of shares in percentage points,
/// intervals, counts, dates, ISO weeks, months and segments (dimension names from the catalogue).
/// </summary>
public sealed class ReportFormatter(ReportText text, MetricCatalog catalog, ReportScope scope, ReferenceData? reference = null)
{
    private CultureInfo Culture => text.Culture;

    /// <summary>The calendar whose events <see cref="ArgKind.Event"/> arguments name.</summary>
    public EventCalendar Calendar { get; init; } = EventCalendar.Empty;

    public string Format(FactArg arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        return arg.Kind switch
        {
            ArgKind.Text => arg.Text ?? "",
            ArgKind.MetricName => catalog.Metric(arg.Metric!).Name.In(text.Language),
            ArgKind.Value => Value(arg.Metric!, arg.Number),
            ArgKind.Change => Change(arg.Metric!, arg.Number, signed: true),
            ArgKind.Magnitude => Change(arg.Metric!, arg.Number, signed: false),
            ArgKind.Interval => Range(arg.Metric!, arg.Number, arg.Upper),
            ArgKind.Estimate => $"{Value(arg.Metric!, arg.Number)} ({Range(arg.Metric!, arg.Lower, arg.Upper)})",
            ArgKind.Count => arg.Number is { } n ? Math.Round(n).ToString("N0", Culture) : "–",
            ArgKind.Share => arg.Number is { } s ? Percent(s) : "–",
            ArgKind.Segment => Segment(arg.Text ?? ""),
            ArgKind.Member => SeriesKey.Parse(arg.Text ?? "").Select(p => PlaceNames.Name(reference ?? ReferenceData.Empty, p.Key, p.Value, text.Language)).FirstOrDefault() ?? "",
            ArgKind.Dimension => catalog.Dimension(arg.Text!).Name.In(text.Language),
            ArgKind.Date => Date(arg.Date!.Value),
            ArgKind.Week => Week(arg.Date!.Value, shortForm: false),
            ArgKind.Word => text[arg.Text!],
            ArgKind.Period => PeriodLabel(arg.Text == "prior" ? scope.Prior : scope.Period),
            ArgKind.Event => Calendar.Find(arg.Text!)?.Name.In(text.Language)
                ?? throw new ArgumentException($"Event '{arg.Text}' is not in the report's calendar ({Calendar.Source}).", nameof(arg)),
            _ => throw new ArgumentOutOfRangeException(nameof(arg), arg.Kind, "Unknown argument kind."),
        };
    }

    /// <summary>A value in its metric's format, as a report writes it (<see cref="ValueStyle.Prose"/> of the one formatter).</summary>
    public string Value(string metric, double? value) => ValueFormatter.For(text.Language).Value(catalog.Metric(metric), value, ValueStyle.Prose);

    private string Change(string metric, double? change, bool signed) =>
        ValueFormatter.For(text.Language).Change(catalog.Metric(metric), change, null, ValueStyle.Prose, signed);

    private string Range(string metric, double? lower, double? upper) => $"{Value(metric, lower)}–{Value(metric, upper)}";

    private string Percent(double share) => (share * 100).ToString(Math.Abs(share) < 0.1 ? "0.00" : "0.0", Culture) + "%";

    private string Unit(string key, string number) => string.Format(Culture, text[key], number);

    /// <summary>
    /// "Overall", or the segment as alerts and the dashboard name it (<see cref="FindingRenderer.Segment"/>): "Indonesia",
    /// "印度尼西亚市场", "东南亚", "Kuala Lumpur (Alpha) site", "吉隆坡（Alpha）站点" (a site by its name in the reference data).
    /// </summary>
    public string Segment(string canonical) =>
        SeriesKey.Parse(canonical ?? "").Count == 0 ? text["segment.total"]
        : new FindingRenderer(catalog, reference ?? ReferenceData.Empty, text.Language).Segment(canonical!);

    public string Date(DateOnly date) => date.ToString(text["format.date"], Culture);

    /// <summary>The ISO week of a day: "week 46 of 2026" / "2026年第46周", or short "W46" / "第46周".</summary>
    public string Week(DateOnly date, bool shortForm)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return text.Fill(shortForm ? "format.week.short" : "format.week", new Dictionary<string, string>
        {
            ["week"] = ISOWeek.GetWeekOfYear(day).ToString(Culture), ["year"] = ISOWeek.GetYear(day).ToString(Culture),
        });
    }

    public string Month(DateTime month, bool shortForm) => month.ToString(text[shortForm ? "format.month.short" : "format.month"], Culture);

    /// <summary>A period as people say it: an ISO week, a calendar month, or a date range (end day included).</summary>
    public string PeriodLabel(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var start = DateOnly.FromDateTime(period.Start);
        var last = DateOnly.FromDateTime(period.End).AddDays(-1);
        if (period.Start.DayOfWeek == DayOfWeek.Monday && period.Length == TimeSpan.FromDays(7))
        {
            return Week(start, shortForm: false);
        }
        if (period.Start.Day == 1 && period.Start.AddMonths(1) == period.End)
        {
            return Month(period.Start, shortForm: false);
        }
        return text.Fill("format.range", new Dictionary<string, string> { ["from"] = Date(start), ["to"] = Date(last) });
    }
}
