using Microsoft.AspNetCore.Mvc;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Quality;
using ModScope.Query;
using ModScope.Web.Access;

namespace ModScope.Web.Api;

/// <summary>
/// <c>/api/overview</c>: the core index for a period and market/region filter, against the previous period, with a
/// 12-week weekly sparkline. Two metric requests: the period with its comparison, and the weeks up to its end.
/// </summary>
internal static class OverviewEndpoints
{
    public const int SparkWeeks = 12;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/overview", async (
            [FromQuery(Name = "period")] string? period, [FromQuery(Name = "filter")] string[]? filter, [FromQuery(Name = "tz")] string? tz,
            [FromQuery(Name = "asOf")] string? asOf, [FromQuery(Name = "lang")] string? lang, HttpContext http, Dashboard dashboard, CancellationToken cancellationToken) =>
        {
            var language = RequestReader.Language(lang);
            var caller = Caller.Of(http);
            var (request, spark) = Requests(new QueryParameters { Period = period, Filter = filter, Tz = tz, AsOf = asOf }, dashboard, caller.Scope);
            // The tiles, the sparkline and the what-changed slices are independent: the first two on pool threads while this
            // one reads the sparkline (the engine runs each statement synchronously).
            var currentTask = Task.Run(() => dashboard.RunAsync(request, cancellationToken), cancellationToken);
            var slicesTask = Task.Run(() => WhatChanged.SlicesAsync(request, dashboard, cancellationToken), cancellationToken);
            var weeks = await dashboard.RunAsync(spark, cancellationToken).ConfigureAwait(false);
            var current = await currentTask.ConfigureAwait(false);
            var slices = await slicesTask.ConfigureAwait(false);
            var today = DateOnly.FromDateTime(dashboard.DataNow());
            // Only the alerts of the page's period and market or region count (Japan's page shows no Vietnam alert).
            var scope = new AlertScope(DateOnly.FromDateTime(request.Period.Start), DateOnly.FromDateTime(request.Period.End).AddDays(-1),
                AlertScope.PlacesOf(request.Filters.Where(f => f.Operator != FilterOperator.NotIn).Select(f => (f.Dimension, f.Values)), dashboard.Reference));
            var open = dashboard.VisibleAlerts(caller.Scope).Where(a => a.IsOpen(today) && scope.Covers(a)).ToList();
            // Each tile is judged against its segment's target (market=ID: ID's), as in force on the period's last day.
            var targeted = SegmentTargets.Apply(dashboard.Catalog, request.Filters, DateOnly.FromDateTime(request.Period.End.AddDays(-1)), dashboard.Reference);
            var tiles = dashboard.Catalog.Roles.Overview.Select(id =>
            {
                var metric = targeted.Metric(id);
                var result = current.FirstOrDefault(r => r.Metric == id) ?? new MetricResult(id, null, new Dictionary<string, string?>(), null, null, null, null, null);
                var row = QueryRow.From(result, metric, language, request.Comparison);
                return new Tile(id, metric.Name.In(language), metric.Description.In(language), row, metric.Target,
                    metric.Target is { } t ? CultureFormat.Value(metric, t, language) : null,
                    row.IntervalFormatted,
                    weeks.Where(w => w.Metric == id && w.Bucket is not null)
                        .Select(w => new SparkPoint(w.Bucket!.Value, CultureFormat.Day(w.Bucket.Value, language), w.Value is { } v && double.IsFinite(v) ? v : null)).ToList(),
                    open.Count(a => a.Finding.Subject == id))
                { TargetStatus = TargetStatus.Of(metric, row.Value, row.Lower, row.Upper) };
            }).ToList();
            var changes = WhatChanged.Find(request, current, slices, targeted, dashboard, language);
            var through = dashboard.NewestDay;
            // "Complete through" as data health and the monitor say it: the days after it may still receive decisions.
            var complete = through is { } newest ? QualitySettingsLoader.LoadDefault().Freshness.CompleteThrough("decisions", newest) : (DateOnly?)null;
            return Results.Ok(new OverviewAnswer(PeriodView.From(request.Period, language),
                PeriodView.From(PeriodParser.Compare(request.Period, request.Comparison), language), tiles, open.Count)
            {
                DataThrough = through, DataThroughText = through is { } day ? CultureFormat.Day(day, language) : null,
                DataCompleteThrough = complete, DataCompleteThroughText = complete is { } c ? CultureFormat.Day(c, language) : null,
                Changes = changes,
            });
        }).Expensive().WithName("Overview").WithSummary("Core-index tiles for a period and filter (market=..., region=...), against the previous period.");
    }

    /// <summary>The overview's two metric requests: the period against the previous one, and its sparkline weeks.</summary>
    public static (MetricRequest Current, MetricRequest Spark) Requests(QueryParameters p, Dashboard dashboard, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(p);
        var request = RequestReader.Read(new QueryParameters
        {
            Metric = [.. dashboard.Catalog.Roles.Overview], Period = p.Period, Filter = p.Filter, Tz = p.Tz, AsOf = p.AsOf, Compare = "previous",
        }, dashboard, scope);
        return (request, request with { Grain = TimeGrain.Week, Comparison = Comparison.None, Period = SparkPeriod(request.Period) });
    }

    /// <summary>
    /// Computes the default overview (all markets, and each region; its tiles, sparklines and what-changed slices) into the result cache, so the first person to open
    /// the dashboard in the morning does not wait for it.
    /// </summary>
    public static async Task WarmAsync(Dashboard dashboard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        string?[] regions = [null, .. dashboard.Reference.Regions];
        foreach (var region in regions)
        {
            var (current, spark) = Requests(new QueryParameters { Filter = region is null ? null : [$"region={region}"] }, dashboard, AccessScope.Everything);
            await dashboard.RunAsync(current, cancellationToken).ConfigureAwait(false);
            await dashboard.RunAsync(spark, cancellationToken).ConfigureAwait(false);
            await WhatChanged.SlicesAsync(current, dashboard, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The twelve whole ISO weeks ending with the week that holds the period's last day.</summary>
    public static Period SparkPeriod(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var last = period.End.AddDays(-1).Date;
        var end = last.AddDays(7 - (((int)last.DayOfWeek + 6) % 7));
        return new Period(end.AddDays(-7 * SparkWeeks), end, period.TimeZone, $"{SparkWeeks} weeks to {last:yyyy-MM-dd}");
    }
}
