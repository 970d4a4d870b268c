using System.Globalization;
using ModScope.Catalog;
using ModScope.Common;
using ModScope.Model;
using ModScope.Query;

namespace ModScope.Web.Api;

/// <summary>
/// Turns query parameters into a <see cref="MetricRequest"/> the way the CLI does (PeriodParser, DimensionFilter),
/// checking each against the catalogue first so a mistake names its parameter (with near matches for unknown names).
/// Days and periods must lie in <see cref="DateWindow"/>; a request whose shape alone is over the answer cap
/// (<see cref="Hardening.ResultLimit"/>) is refused before it is planned.
/// </summary>
internal static class RequestReader
{
    public const string DefaultPeriod = "last full week";

    /// <summary>The request of <paramref name="p"/> within the caller's <paramref name="scope"/> (filters naming what it may not see are unknown).</summary>
    public static MetricRequest Read(QueryParameters p, Dashboard dashboard, AccessScope scope, string defaultPeriod = DefaultPeriod)
    {
        var metrics = Split(p.Metric);
        if (metrics.Count == 0)
        {
            throw new BadParameterException("metric", "Name at least one metric id (see /api/catalog).", new(ProblemKind.Missing, Subject: "metric"));
        }
        var definitions = metrics.Select(m => Lookup("metric", () => dashboard.Catalog.Metric(m), dashboard.Catalog.Metrics.Select(d => d.Id))).ToList();
        var dimensions = Split(p.By);
        foreach (var dimension in dimensions)
        {
            Lookup("by", () => dashboard.Catalog.Dimension(dimension), dashboard.Catalog.Dimensions.Select(d => d.Id));
            if (definitions.FirstOrDefault(d => !d.Dimensions.Contains(dimension)) is { } lacking)
            {
                throw new BadParameterException("by", $"Metric '{lacking.Id}' cannot be sliced by '{dimension}'; it can by {string.Join(", ", lacking.Dimensions)}.", new(ProblemKind.NotAllowed, dimension, "dimension", lacking.Dimensions));
            }
        }
        if (dimensions.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key is { } twice)
        {
            throw new BadParameterException("by", $"'{twice}' is named twice; name each dimension once.", new(ProblemKind.NotAllowed, twice, "repeated dimension"));
        }
        var texts = (p.Filter ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).ToList();
        var reference = texts.Count > 0 ? dashboard.VisibleReference(scope) : ReferenceData.Empty;
        var filters = texts.Select(f => Filter(f, dashboard.Catalog, reference)).ToList();
        var zone = Zone(p.Tz);
        var request = new MetricRequest(metrics, dimensions, Grain(p.Grain), filters, Period(p.Period ?? defaultPeriod, zone, Now(p.AsOf, dashboard)), Compare(p.Compare))
        {
            Scope = scope,
        };
        dashboard.Limit.CheckShape(request);
        return request;
    }

    public static string Language(string? lang) => lang switch
    {
        null or "" or "en" => "en",
        _ when lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => "zh-Hans",
        _ => throw new BadParameterException("lang", $"'{lang}' is not a language; use en or zh-Hans.", ProblemReason.Unknown("language", lang, ["en", "zh-Hans"])),
    };

    public static string Zone(string? tz)
    {
        var zone = string.IsNullOrWhiteSpace(tz) ? "UTC" : tz.Trim();
        var unknown = $"Unknown time zone '{zone}'; use an IANA name such as Asia/Singapore or UTC.";
        // An IANA name is a few words of letters joined by '/', never a path to wander with.
        if (zone.Length > 64 || zone.Contains("..", StringComparison.Ordinal) || zone.StartsWith('/') || !zone.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+'))
        {
            throw new BadParameterException("tz", unknown, ProblemReason.Unknown("time zone", zone));
        }
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return zone;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new BadParameterException("tz", unknown, ProblemReason.Unknown("time zone", zone), ex);
        }
    }

    public static DateTime Now(string? asOf, Dashboard dashboard)
    {
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return dashboard.DataNow();
        }
        return DateTime.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? DateWindow.Day("asOf", day, asOf)
            : throw new BadParameterException("asOf", $"'{asOf}' is not a day; write yyyy-MM-dd.", ProblemReason.Format("day", asOf, "yyyy-MM-dd"));
    }

    public static Period Period(string text, string zone, DateTime now)
    {
        try
        {
            return DateWindow.Period("period", PeriodParser.Parse(text, zone, now), text);
        }
        catch (FormatException ex)
        {
            throw new BadParameterException("period", ex.Message, ProblemReason.Format("period", text, PeriodForms), ex);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            // A week 99, or 'last N days' reaching before year 1: beyond the calendar.
            throw new BadParameterException("period", $"'{text}' reaches outside the days a request may name ({DateWindow.Text}).", ProblemReason.Range("period", text, DateWindow.Text), ex);
        }
    }

    /// <summary>How periods are written, as the refusal of one that cannot be read says (<see cref="PeriodParser"/>).</summary>
    private static readonly string[] PeriodForms = ["2026-W46", "2026-11", "2026-Q4", "2026-11-01..2026-11-15", "last full week", "last 28 days"];

    public static TimeGrain Grain(string? text) =>
        string.IsNullOrWhiteSpace(text) ? TimeGrain.None
        : Enum.TryParse<TimeGrain>(text, ignoreCase: true, out var grain) && Enum.IsDefined(grain) && !int.TryParse(text, CultureInfo.InvariantCulture, out _) ? grain
        : throw new BadParameterException("grain", $"'{text}' is not a grain; use none, hour, day, week, month or quarter.", ProblemReason.Unknown("grain", text, ["none", "hour", "day", "week", "month", "quarter"]));

    public static Comparison Compare(string? text) => text switch
    {
        null or "" or "none" => Comparison.None,
        "previous" or "previous-period" => Comparison.PreviousPeriod,
        "last-year" or "year" => Comparison.SamePeriodLastYear,
        "last-week" or "weekday" => Comparison.SameWeekdayLastWeek,
        _ => throw new BadParameterException("compare", $"'{text}' is not a comparison; use previous, last-year, last-week or none.", ProblemReason.Unknown("comparison", text, ["previous", "last-year", "last-week", "none"])),
    };

    public static DimensionFilter Filter(string text, MetricCatalog catalog, ReferenceData reference)
    {
        DimensionFilter filter;
        try
        {
            filter = DimensionFilter.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new BadParameterException("filter", ex.Message, ProblemReason.Format("filter", text, "market=US,GB", "queue!=US-prelisting"), ex);
        }
        Lookup("filter", () => catalog.Dimension(filter.Dimension), catalog.Dimensions.Select(d => d.Id));
        try
        {
            ReferenceFilterCheck.Check([filter], catalog, reference);
        }
        catch (MetricRequestException ex)
        {
            throw new BadParameterException("filter", ex.Message, ex.Reason ?? new(ProblemKind.UnknownValue, text, "filter"), ex);
        }
        return filter;
    }

    public static List<string> Split(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <param name="names">The names <paramref name="find"/> knows, the closest of which a refusal suggests.</param>
    private static T Lookup<T>(string parameter, Func<T> find, IEnumerable<string> names)
    {
        try
        {
            return find();
        }
        catch (NotFoundException ex)
        {
            throw new BadParameterException(parameter, ex.Message.Trim('\'', '"'), ProblemReason.Unknown(ex.Kind.Length > 0 ? ex.Kind : parameter, ex.Key).Near(names), ex);
        }
    }
}
