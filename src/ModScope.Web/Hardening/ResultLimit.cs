using System.Globalization;
using ModScope.Query;

namespace ModScope.Web.Hardening;

/// <summary>
/// How big one answer may be: rows × columns cells, the columns being the export's (<see cref="FixedColumns"/> plus one
/// per dimension). Checked before planning, from the request's shape alone (metrics × the buckets its period
/// holds, which no data can make fewer); while running, from the statements' rows before any is evaluated
/// (<see cref="AnswerGuard"/>, which also bounds all rows read from the engine by <see cref="MaxEngineRows"/>); and on
/// the answer's rows once evaluated. Over a cap is a <see cref="ResultTooLargeException"/> (400) telling the
/// user how to narrow the request, never an answer built, sent and cached.
/// </summary>
internal sealed class ResultLimit(long maxCells)
{
    private const string Narrow = "narrow it: a shorter period, a coarser grain, fewer metrics or dimensions ('by'), or a filter";

    /// <summary>The columns of every exported row besides one per dimension: metric, metric_name, bucket and eight numbers.</summary>
    public const int FixedColumns = 11;

    public long MaxCells => maxCells;

    public static int Columns(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FixedColumns + request.Dimensions.Count;
    }

    /// <summary>The most rows an answer to <paramref name="request"/> may have.</summary>
    public long MaxRows(MetricRequest request) => maxCells / Columns(request);

    /// <summary>
    /// The most rows one request may read from the engine, all its statements together: one per cell of the cap. QA
    /// strata and rating pairs read a few rows per answer row, so this is looser than the answer's own cap, which
    /// still applies.
    /// </summary>
    public long MaxEngineRows => maxCells;

    public ResultTooLargeException TooManyEngineRows(long rows) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The request reads more than {MaxEngineRows:N0} rows from the store ({rows:N0} so far) for at most {maxCells:N0} answer cells; {Narrow}."));

    public void CheckShape(MetricRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var buckets = BucketCount(request.Period, request.Grain);
        var cells = (decimal)buckets * request.Metrics.Count * Columns(request);
        if (cells > maxCells)
        {
            throw new ResultTooLargeException(string.Create(CultureInfo.InvariantCulture,
                $"The period holds {buckets:N0} {request.Grain.ToString().ToLowerInvariant()} buckets: with {request.Metrics.Count} metric(s) and {Columns(request)} columns the answer would have at least {cells:N0} cells, more than the {maxCells:N0} a request may return; {Narrow}."));
        }
    }

    public void CheckRows(MetricRequest request, long rows)
    {
        if (rows > MaxRows(request))
        {
            throw TooLarge(request, rows);
        }
    }

    public ResultTooLargeException TooLarge(MetricRequest request, long rows, bool atLeast = false) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The answer has {(atLeast ? "at least " : "")}{rows:N0} rows × {Columns(request)} columns = {rows * Columns(request):N0} cells, more than the {maxCells:N0} a request may return; {Narrow}."));

    /// <summary>
    /// How many <paramref name="grain"/> buckets meet <paramref name="period"/>, by arithmetic (no enumeration, so a
    /// century of hours costs nothing to count): the same count <see cref="Buckets.Within"/> lists.
    /// </summary>
    public static long BucketCount(Period period, TimeGrain grain)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (grain == TimeGrain.None || period.End <= period.Start)
        {
            return 1;
        }
        var first = Buckets.Start(period.Start, grain);
        return grain switch
        {
            TimeGrain.Hour => (long)Math.Ceiling((period.End - first).TotalHours),
            TimeGrain.Day => (long)Math.Ceiling((period.End - first).TotalDays),
            TimeGrain.Week => (long)Math.Ceiling((period.End - first).TotalDays / 7),
            TimeGrain.Month => Months(first, period.End),
            TimeGrain.Quarter => (Months(first, period.End) + 2) / 3,
            _ => 1,
        };
    }

    /// <summary>Months from the first of a month to <paramref name="end"/>, a part month counted whole.</summary>
    private static long Months(DateTime firstOfMonth, DateTime end)
    {
        var whole = (end.Year - firstOfMonth.Year) * 12L + end.Month - firstOfMonth.Month;
        return end > new DateTime(end.Year, end.Month, 1, 0, 0, 0, end.Kind) ? whole + 1 : whole;
    }
}
