using ModScope.Planning.Forecasting;
using ModScope.Query;

namespace ModScope.Planning;

/// <summary>
/// Reads what planning needs through the query door (<see cref="MetricQuery"/>): daily series per subject, the last
/// day with data, and totals over a span. No SQL of its own, so scopes, rollups and ClickHouse apply unchanged.
/// </summary>
public sealed class PlanningReader(MetricQuery query)
{
    /// <summary>Days searched back for the last day with data.</summary>
    private const int SearchDays = 3 * 366;

    public MetricQuery Query => query;

    /// <summary>The last UTC day on or before <paramref name="asOf"/> (default: today) with a decision in scope.</summary>
    /// <exception cref="PlanningException">The store holds no decisions in scope in the three years searched.</exception>
    public async Task<DateOnly> LastDayAsync(IReadOnlyList<DimensionFilter> filters, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var until = asOf ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var rows = await RunAsync([query.Catalog.Roles.Volume], [], TimeGrain.Day, filters, until.AddDays(-SearchDays), until, cancellationToken).ConfigureAwait(false);
        var days = rows.Where(r => r.Value > 0 && r.Bucket is not null).Select(r => DateOnly.FromDateTime(r.Bucket!.Value)).ToArray();
        return days.Length > 0
            ? days.Max()
            : throw new PlanningException($"The store has no decisions in scope in the {SearchDays} days up to {until:yyyy-MM-dd}; ingest data or change --as-of.");
    }

    /// <summary>Runs one request over whole UTC days <paramref name="first"/> through <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<MetricResult>> RunAsync(IReadOnlyList<string> metrics, IReadOnlyList<string> by, TimeGrain grain,
        IReadOnlyList<DimensionFilter> filters, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        using var step = PlanningTrace.Step($"request {string.Join(',', metrics)} by {string.Join(',', by)} grain {grain} {first:yyyy-MM-dd}..{last:yyyy-MM-dd}");
        return await query.RunAsync(new MetricRequest(metrics, by, grain, filters, Period.UtcDays(first, last)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Daily series of <paramref name="metric"/> by <paramref name="by"/>, one per subject with a value: a day without a
    /// row is 0 for a count and left out otherwise (a mean of nothing is not zero).
    /// </summary>
    public async Task<IReadOnlyList<SubjectSeries>> DailyAsync(string metric, IReadOnlyList<string> by, IReadOnlyList<DimensionFilter> filters,
        DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var definition = query.Catalog.Metric(metric);
        var rows = await RunAsync([metric], by, TimeGrain.Day, filters, first, last, cancellationToken).ConfigureAwait(false);
        return Series(rows, by, first, last, definition.IsCount);
    }

    /// <summary>Groups day rows into series per subject (pure; public for tests).</summary>
    public static IReadOnlyList<SubjectSeries> Series(IReadOnlyList<MetricResult> rows, IReadOnlyList<string> by, DateOnly first, DateOnly last, bool zeroFill)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(by);
        var groups = rows
            .Where(r => r.Bucket is not null && r.Value is { } v && double.IsFinite(v))
            .GroupBy(r => Key(r, by), StringComparer.Ordinal);
        var series = new List<SubjectSeries>();
        foreach (var group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var subject = by.ToDictionary(d => d, d => group.First().Dimensions[d] ?? "(none)", StringComparer.Ordinal);
            var byDay = group.ToDictionary(r => DateOnly.FromDateTime(r.Bucket!.Value), r => r.Value!.Value);
            var points = new List<DailyPoint>();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                if (byDay.TryGetValue(day, out var value))
                {
                    points.Add(new DailyPoint(day, value));
                }
                else if (zeroFill)
                {
                    points.Add(new DailyPoint(day, 0.0));
                }
            }
            series.Add(new SubjectSeries(subject, points));
        }
        return series;
    }

    /// <summary>A row's dimension values joined, the key subjects are grouped and matched by.</summary>
    public static string Key(MetricResult row, IReadOnlyList<string> by)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Join('\u001f', by.Select(d => row.Dimensions[d] ?? "(none)"));
    }
}
