using System.Globalization;
using ModScope.Catalog;
using ModScope.Model;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;
using ModScope.Web;
using ModScope.Web.Api.Plan;
using Spectre.Console;

namespace ModScope.Cli.Views;

/// <summary>
/// The rows the <c>forecast</c>, <c>plan</c> and <c>opportunities</c> commands show (through <see cref="RowsView"/>), worded
/// in the <c>--lang</c> language with the dashboard's labels (<c>plan.*</c>, <c>opportunity.*</c>): titles, dimension
/// headers (as <c>query</c> shows them), and in Chinese an opportunity's kind and subject (places by their zh names); the
/// CSV and JSON keep their field names and machine-readable values.
/// </summary>
internal static class PlanningViews
{
    public static async Task Forecast(CliContext context, MetricCatalog catalog, ForecastSet set, ForecastSettings settings, string format, string? output, string language)
    {
        var columns = set.By.Concat(["day", "forecast", "mean", "lower", "upper"]).ToList();
        var rows = set.Series.SelectMany(s => s.Forecast.Points.Select(p =>
            set.By.Select(d => (object?)s.Subject[d]).Concat([p.Day, p.Value, p.Mean, p.Lower, p.Upper]).ToArray())).ToList();
        var title = string.Format(CultureInfo.InvariantCulture, Labels.Get(language, "plan.cli.forecast"),
            catalog.Metric(set.Metric).Name.In(language), settings.HorizonDays, set.LastDay, settings.IntervalLevel);
        await RowsView.WriteAsync(context, title, columns, rows, format, output, Headers(catalog, columns, set.By, language)).ConfigureAwait(false);
        if (format == "table" && output is null && set.Skipped.Count > 0)
        {
            context.Out.MarkupLine(CultureInfo.InvariantCulture,
                $"[grey]{Markup.Escape(string.Format(CultureInfo.InvariantCulture, Labels.Get(language, "plan.skipped"), string.Join("; ", set.Skipped)))}[/]");
        }
    }

    public static Task Backtest(CliContext context, string metric, BacktestResult result, string format, string? output) =>
        RowsView.WriteAsync(context,
            string.Create(CultureInfo.InvariantCulture, $"Backtest of {metric}: {result.Series} series, {result.Origins} origins, {result.IntervalLevel:P0} intervals (MASE below the naive one and relative MAE below 1 beat seasonal naive)"),
            ["week", "forecasts", "mase", "naive_mase", "relative_mae", "coverage", "mean_bias", "mean_bias_under_10", "mean_bias_10_to_100", "mean_bias_100_up"],
            result.Weeks.Select(w => new object?[] { w.Week, w.Forecasts, w.Mase, w.NaiveMase, w.RelativeMae, w.Coverage, w.MeanBias, w.MeanBiasBySize[0], w.MeanBiasBySize[1], w.MeanBiasBySize[2] }).ToList(),
            format, output);

    public static async Task Plan(CliContext context, MetricCatalog catalog, PlanOutcome outcome, bool queues, string format, string? output, string language)
    {
        var plan = outcome.Plan;
        var span = string.Format(CultureInfo.InvariantCulture, Labels.Get(language, "opportunity.range"),
            outcome.LastDay.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            outcome.Volumes.Series[0].Forecast.Points[^1].Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (queues)
        {
            string[] queueColumns = ["site", "queue", "day", "model", "volume", "work_hours", "required_hours", "allocated_hours", "backlog_hours", "sla_attainment", "extra_hours", "at_risk"];
            await RowsView.WriteAsync(context, string.Format(CultureInfo.InvariantCulture, Labels.Get(language, "plan.cli.queues"), span), queueColumns,
                plan.Queues.Select(q => new object?[] { q.Site, q.Queue, q.Day, q.Model.ToString().ToLowerInvariant(), q.Volume, q.WorkHours, q.RequiredScheduled, q.AllocatedScheduled, q.Backlog, q.Attainment, q.ExtraScheduled, q.AtRisk }).ToList(),
                format, output, Headers(catalog, queueColumns, ["site", "queue"], language)).ConfigureAwait(false);
            return;
        }
        string[] columns = ["site", "day", "required_hours", "scheduled_hours", "gap_hours", "work_hours", "extra_hours", "queues_at_risk", "live_required_hours", "live_short_hours", "live_queues_at_risk"];
        await RowsView.WriteAsync(context,
            string.Format(CultureInfo.InvariantCulture, Labels.Get(language, "plan.cli.hours"), Labels.Get(language, "plan.hours"), span, plan.Targets.Shrinkage, plan.Targets.Occupancy),
            columns,
            plan.Sites.Select(s => new object?[]
            {
                s.Site, s.Day, s.RequiredScheduled, s.Scheduled, s.Gap, s.WorkScheduled, s.DeadlineExtra, s.QueuesAtRisk, s.LiveRequired, s.LiveShort, s.LiveQueuesAtRisk,
            }).ToList(),
            format, output, Headers(catalog, columns, ["site"], language)).ConfigureAwait(false);
        if (format == "table" && output is null)
        {
            var risky = plan.Sites.Where(s => s.QueuesAtRisk > 0).ToList();
            var uncovered = plan.Sites.Where(s => s.LiveQueuesAtRisk > 0).ToList();
            context.Out.MarkupLine(Markup.Escape(string.Format(CultureInfo.InvariantCulture, Labels.Get(language, "plan.summary"),
                risky.Count, plan.Sites.Count, risky.Sum(s => s.DeadlineExtra).ToString("N0", CultureInfo.InvariantCulture))));
            context.Out.MarkupLine(Markup.Escape(string.Format(CultureInfo.InvariantCulture, Labels.Get(language, "plan.liveSummary"),
                uncovered.Count, plan.Sites.Count, uncovered.Sum(s => s.LiveShort).ToString("N0", CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>
    /// The opportunities: in English the kind and subject as the CSV writes them (<c>live-coverage</c>, <c>site=TYO-INHOUSE</c>);
    /// in Chinese by the dashboard's words (直播值守缺口, 东京（内部）, the automated decisions' QA design as 自动化决策).
    /// The unit is the labels' in either language; CSV and JSON keep the English one.
    /// </summary>
    public static Task Opportunities(CliContext context, ReferenceData reference, IReadOnlyList<Opportunity> found, bool evidence, string format, string? output, string language)
    {
        var english = new OpportunityWords("en", reference, id => id);
        var words = new OpportunityWords(language, reference, id => id);
        var worded = language != "en";
        string[] columns = ["kind", "rank", "subject", "size", "low", "high", "unit", "hours_per_week", "money_per_week"];
        var rows = found.Select(o =>
        {
            var kind = OpportunityKinds.Name(o.Kind);
            var subject = string.Join(", ", o.Subject.Select(kv => $"{kv.Key}={kv.Value}"));
            return new object?[]
            {
                worded ? new RowsView.Worded(kind, words.Kind(o.Kind)) : kind, o.Rank,
                worded ? new RowsView.Worded(subject, words.SubjectName(words.Subject(o))) : subject,
                o.Size.Value, o.Size.Low, o.Size.High,
                new RowsView.Worded(english.Unit(o.Size.Unit), words.Unit(o.Size.Unit)), o.HoursPerWeek, o.MoneyPerWeek,
            }.Concat(evidence ? [Evidence(o), string.Join(" ; ", o.Queries)] : []).ToArray();
        }).ToList();
        return RowsView.WriteAsync(context, Labels.Get(language, "plan.cli.opportunities"), evidence ? [.. columns, "evidence", "queries"] : columns, rows, format, output);
    }

    /// <summary>The table's headers: a dimension's by its catalogue name in the language (as <c>query</c> shows them), the others as the CSV's.</summary>
    private static List<string> Headers(MetricCatalog catalog, IReadOnlyList<string> columns, IReadOnlyCollection<string> dimensions, string language) =>
        columns.Select(c => dimensions.Contains(c) && catalog.Dimensions.FirstOrDefault(d => d.Id == c) is { } dimension ? dimension.Name.In(language) : c).ToList();

    private static string Evidence(Opportunity o) => string.Join("; ", o.Evidence.Select(e =>
        e.Key + (e.About is { } about ? $"[{about}]" : "") + "=" + (e.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "") + (e.Text is { } t ? (e.Value is null ? t : $" ({t})") : "")));
}
