using ModScope.Catalog;
using ModScope.Common;
using ModScope.Model;

namespace ModScope.Query;

/// <summary>
/// What every statement of a request shares: the group keys (time bucket, dimensions), the period as
/// UTC instants and local dates, and the dimension filters. Renders them for one source relation.
/// </summary>
internal sealed class RequestScope
{
    private readonly ISqlDialect _dialect;

    /// <summary>The currency costs are reported in (the catalogue's setting).</summary>
    public string ReportingCurrency { get; }

    public RequestScope(ISqlDialect dialect, MetricCatalog catalog, MetricRequest request)
    {
        _dialect = dialect;
        Request = request;
        Dimensions = request.Dimensions.Select(catalog.Dimension).ToList();
        ReportingCurrency = catalog.ReportingCurrency;
        Filters = request.Filters.Select(f => (catalog.Dimension(f.Dimension), f)).ToList();
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(request.Period.TimeZone);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new MetricRequestException($"Unknown time zone '{request.Period.TimeZone}'; use an IANA name such as Asia/Singapore or UTC.", ex) { Reason = ProblemReason.Unknown("time zone", request.Period.TimeZone), Parameter = "tz" };
        }
        Zone = zone;
        StartUtc = ToUtc(request.Period.Start);
        EndUtc = ToUtc(request.Period.End);
    }

    public MetricRequest Request { get; }
    public IReadOnlyList<DimensionDefinition> Dimensions { get; }
    public IReadOnlyList<(DimensionDefinition Dimension, DimensionFilter Filter)> Filters { get; }
    public TimeZoneInfo Zone { get; }
    public DateTime StartUtc { get; }
    public DateTime EndUtc { get; }
    public bool HasBucket => Request.Grain != TimeGrain.None;
    public int KeyCount => (HasBucket ? 1 : 0) + Dimensions.Count;

    /// <summary>The zone's UTC offset when it is the same throughout the period (a day either side), else null.</summary>
    public TimeSpan? FixedOffset
    {
        get
        {
            if (!_fixedOffsetFound)
            {
                (_fixedOffset, _fixedOffsetFound) = (FindFixedOffset(), true);
            }
            return _fixedOffset;
        }
    }

    private TimeSpan? _fixedOffset;
    private bool _fixedOffsetFound;

    private TimeSpan? FindFixedOffset()
    {
        // Checked once per request (every statement's buckets use it): hour by hour across the period.
        var first = Zone.GetUtcOffset(StartUtc.AddDays(-1));
        for (var t = StartUtc.AddDays(-1); t <= EndUtc.AddDays(1); t = t.AddHours(1))
        {
            if (Zone.GetUtcOffset(t) != first)
            {
                return null;
            }
        }
        return first;
    }

    /// <summary>
    /// A local wall-clock time as UTC. A time the zone skips (midnight on the day daylight saving starts in Santiago)
    /// is the instant the clocks jump to: the day begins at the first local time that exists.
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    /// <summary>The time bucket of a row dated by <paramref name="timePath"/>.</summary>
    public string Bucket(SourceRelation relation, string timePath, SqlParameters parameters)
    {
        var column = relation.Column(timePath);
        return ColumnPaths.Resolve(relation.Source, timePath).Kind == ColumnKind.Date
            ? _dialect.Truncate($"CAST({column} AS TIMESTAMP)", Request.Grain)
            : BucketOfUtc(column, parameters);
    }

    /// <summary>The time bucket of a UTC instant.</summary>
    public string BucketOfUtc(string utcTimestamp, SqlParameters parameters)
    {
        var local = FixedOffset is { } offset
            // A zone whose offset does not change around the period needs no per-row time-zone lookup.
            ? (offset == TimeSpan.Zero ? utcTimestamp : _dialect.AddMinutes(utcTimestamp, parameters.Add((long)offset.TotalMinutes)))
            : _dialect.LocalTime(utcTimestamp, parameters.Add(Request.Period.TimeZone));
        return _dialect.Truncate(local, Request.Grain);
    }

    /// <summary>Rows dated inside the period (local dates for a date column, UTC instants for a timestamp).</summary>
    public string InPeriod(SourceRelation relation, string timePath, SqlParameters parameters)
    {
        var column = relation.Column(timePath);
        return ColumnPaths.Resolve(relation.Source, timePath).Kind == ColumnKind.Date
            ? $"{column} >= CAST({parameters.Add(Request.Period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))} AS DATE) " +
              $"AND {column} < CAST({parameters.Add(Request.Period.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))} AS DATE)"
            : $"{column} >= {parameters.Add(StartUtc)} AND {column} < {parameters.Add(EndUtc)}";
    }

    /// <summary>The dimension filters as SQL (or null).</summary>
    public string? FilterSql(SourceRelation relation, SqlParameters parameters) => FilterSql(relation.Dimension, parameters);

    /// <summary>The dimension filters as SQL (or null), each dimension read as <paramref name="dimension"/> gives it.</summary>
    public string? FilterSql(Func<DimensionDefinition, string> dimension, SqlParameters parameters)
    {
        if (Filters.Count == 0)
        {
            return null;
        }
        return string.Join(" AND ", Filters.Select(f =>
        {
            var column = dimension(f.Dimension);
            var values = string.Join(", ", f.Filter.Values.Select(v => parameters.Add(v)));
            return f.Filter.Operator switch
            {
                FilterOperator.Equals => $"{column} = {values}",
                FilterOperator.In => $"{column} IN ({values})",
                _ => $"({column} IS NULL OR {column} NOT IN ({values}))",
            };
        }));
    }
}
