using System.Globalization;
using ModScope.Catalog;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>The rows the <c>forecast</c>, <c>plan</c> and <c>opportunities</c> commands show (through <see cref="RowsView"/>).</summary>
internal static class PlanningViews
{
    public static async Task Forecast(CliContext context, MetricCatalog catalog, ForecastSet set, ForecastSettings settings, string format, string? output, string language)
    {
        var columns = set.By.Concat(["day", "forecast", "mean", "lower", "upper"]).ToList();
        var rows = set.Series.SelectMany(s => s.Forecast.Points.Select(p =>
            set.By.Select(d => (object?)s.Subject[d]).Concat([p.Day, p.Value, p.Mean, p.Lower, p.Upper]).ToArray())).ToList();
        var title = string.Create(CultureInfo.InvariantCulture,
            $"{catalog.Metric(set.Metric).Name.In(language)}: {settings.HorizonDays} days after {set.LastDay:yyyy-MM-dd}, {settings.IntervalLevel:P0} prediction intervals");
        await RowsView.WriteAsync(context, title, columns, rows, format, output).ConfigureAwait(false);
        if (format == "table" && output is null && set.Skipped.Count > 0)
        {
            context.Out.MarkupLine(CultureInfo.InvariantCulture, $"[grey]Not forecast (too little history): {Markup.Escape(string.Join("; ", set.Skipped))}[/]");
        }
    }

    public static Task Backtest(CliContext context, string metric, BacktestResult result, string format, string? output) =>
        RowsView.WriteAsync(context,
            string.Create(CultureInfo.InvariantCulture, $"Backtest of {metric}: {result.Series} series, {result.Origins} origins, {result.IntervalLevel:P0} intervals (MASE below the naive one and relative MAE below 1 beat seasonal naive)"),
            ["week", "forecasts", "mase", "naive_mase", "relative_mae", "coverage", "mean_bias", "mean_bias_under_10", "mean_bias_10_to_100", "mean_bias_100_up"],
            result.Weeks.Select(w => new object?[] { w.Week, w.Forecasts, w.Mase, w.NaiveMase, w.RelativeMae, w.Coverage, w.MeanBias, w.MeanBiasBySize[0], w.MeanBiasBySize[1], w.MeanBiasBySize[2] }).ToList(),
            format, output);

    public static async Task Plan(CliContext context, PlanOutcome outcome, bool queues, string format, string? output)
    {
        var plan = outcome.Plan;
        var span = string.Create(CultureInfo.InvariantCulture, $"{outcome.LastDay.AddDays(1):yyyy-MM-dd} to {outcome.Volumes.Series[0].Forecast.Points[^1].Day:yyyy-MM-dd}");
        if (queues)
        {
            await RowsView.WriteAsync(context, $"Queue-days, {span}",
                ["site", "queue", "day", "model", "volume", "work_hours", "required_hours", "allocated_hours", "backlog_hours", "sla_attainment", "extra_hours", "at_risk"],
                plan.Queues.Select(q => new object?[] { q.Site, q.Queue, q.Day, q.Model.ToString().ToLowerInvariant(), q.Volume, q.WorkHours, q.RequiredScheduled, q.AllocatedScheduled, q.Backlog, q.Attainment, q.ExtraScheduled, q.AtRisk }).ToList(),
                format, output).ConfigureAwait(false);
            return;
        }
        await RowsView.WriteAsync(context, $"Required against scheduled hours by site and day, {span} (shrinkage {plan.Targets.Shrinkage:P0}, occupancy {plan.Targets.Occupancy:P0})",
            ["site", "day", "required_hours", "scheduled_hours", "gap_hours", "work_hours", "extra_hours", "queues_at_risk", "live_required_hours", "live_short_hours", "live_queues_at_risk"],
            plan.Sites.Select(s => new object?[]
            {
                s.Site, s.Day, s.RequiredScheduled, s.Scheduled, s.Gap, s.WorkScheduled, s.DeadlineExtra, s.QueuesAtRisk, s.LiveRequired, s.LiveShort, s.LiveQueuesAtRisk,
            }).ToList(),
            format, output).ConfigureAwait(false);
        if (format == "table" && output is null)
        {
            var risky = plan.Sites.Where(s => s.QueuesAtRisk > 0).ToList();
            var uncovered = plan.Sites.Where(s => s.LiveQueuesAtRisk > 0).ToList();
            context.Out.MarkupLine(CultureInfo.InvariantCulture,
                $"{risky.Count} of {plan.Sites.Count} site-days have a deadline queue at SLA risk; {risky.Sum(s => s.DeadlineExtra):N0} extra scheduled hours would keep those queues within their SLA.");
            context.Out.MarkupLine(CultureInfo.InvariantCulture,
                $"Live coverage apart: on {uncovered.Count} of {plan.Sites.Count} site-days the livestream queues lack someone on duty every hour; {uncovered.Sum(s => s.LiveShort):N0} more scheduled hours would cover them.");
        }
    }

    public static Task Opportunities(CliContext context, IReadOnlyList<Opportunity> found, bool evidence, string format, string? output)
    {
        string[] columns = ["kind", "rank", "subject", "size", "low", "high", "unit", "hours_per_week", "money_per_week"];
        var rows = found.Select(o => new object?[]
        {
            OpportunityKinds.Name(o.Kind), o.Rank, string.Join(", ", o.Subject.Select(kv => $"{kv.Key}={kv.Value}")), o.Size.Value, o.Size.Low, o.Size.High,
            Unit(o.Size.Unit), o.HoursPerWeek, o.MoneyPerWeek,
        }.Concat(evidence ? [Evidence(o), string.Join(" ; ", o.Queries)] : []).ToArray()).ToList();
        return RowsView.WriteAsync(context, "Sized opportunities a week (money in USD)", evidence ? [.. columns, "evidence", "queries"] : columns, rows, format, output);
    }

    private static string Unit(SizeUnit unit) => unit switch
    {
        SizeUnit.HandlingHours => "handling hours",
        SizeUnit.ProductiveHours => "productive hours",
        SizeUnit.ScheduledHours => "scheduled hours",
        _ => "audits",
    };

    private static string Evidence(Opportunity o) => string.Join("; ", o.Evidence.Select(e =>
        e.Key + (e.About is { } about ? $"[{about}]" : "") + "=" + (e.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "") + (e.Text is { } t ? (e.Value is null ? t : $" ({t})") : "")));
}
