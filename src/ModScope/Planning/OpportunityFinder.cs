using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;
using ModScope.Query;

namespace ModScope.Planning;

/// <summary>
/// Sizes the opportunities the query door can evidence: automation candidates (policy × queue, QA accuracy of
/// automated against human decisions), site productivity gaps (mix of queue × policy, day by day), handling-time
/// outliers (moderators and queues against peers on the same mix) and QA re-allocation (each site's enforce and approve
/// strata, Neyman) over the recent weeks, and SLA risk from the plan over the forecast horizon; ranked by money a week. Each carries the
/// <c>modscope query</c> commands that reproduce its numbers.
/// </summary>
public sealed class OpportunityFinder(PlanningReader reader, PlanBuilder planner, PlanningMetrics metrics)
{
    private static readonly string[] Cell = ["policy", "queue"];
    private static readonly Dictionary<string, string> NoSubject = [];

    public async Task<IReadOnlyList<Opportunity>> FindAsync(IReadOnlyList<DimensionFilter> filters, ForecastSettings forecast, OpportunitySettings settings,
        DateOnly? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var plan = await planner.BuildAsync(filters, forecast, settings.Targets, asOf, cancellationToken).ConfigureAwait(false);
        return await FindAsync(plan, filters, settings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The same from a plan already built (by <see cref="PlanBuilder.BuildAsync"/> with the same filters and
    /// <paramref name="settings"/>' targets), so a caller showing both the plan and the opportunities builds it once.
    /// </summary>
    public async Task<IReadOnlyList<Opportunity>> FindAsync(PlanOutcome plan, IReadOnlyList<DimensionFilter> filters, OpportunitySettings settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validated();
        var last = plan.LastDay;
        var first = last.AddDays(1 - PlanBuilder.RecentDays);
        // The plan's hourly costs are each site's over the same recent days.
        var cost = plan.HourlyCost;
        // The four readings are independent requests through the door (the engines answer concurrent requests: DuckDB on
        // a connection each, ClickHouse over HTTP); DuckDB.NET runs a request on the caller's thread, hence Task.Run.
        var audited = last.AddDays(1 - Math.Max(settings.AccuracyDays, PlanBuilder.RecentDays));
        var cells = Task.Run(() => CellsAsync(filters, first, audited, last, cost, cancellationToken), cancellationToken);
        var work = Task.Run(() => SitesAsync(plan.Staffing, filters, first, last, cost, cancellationToken), cancellationToken);
        var units = Task.Run(() => new HandlingUnitReader(reader, metrics).ReadAsync(filters, first, last, cost, cancellationToken), cancellationToken);
        var designs = Task.Run(() => new QaDesignReader(reader, metrics).ReadAsync(filters, first, last, cancellationToken), cancellationToken);
        await Task.WhenAll(cells, work, units, designs).ConfigureAwait(false);
        var automation = AutomationCandidates.Find(await cells.ConfigureAwait(false), settings);
        var sites = SiteProductivity.Find(await work.ConfigureAwait(false), settings);
        var risk = SlaRisk.Find(plan.Plan, plan.Low, plan.High, plan.HourlyCost, settings);
        var handling = HandlingOutliers.Find(await units.ConfigureAwait(false), settings);
        var qa = QaReallocation.Find(await designs.ConfigureAwait(false), settings);
        var span = $"{first:yyyy-MM-dd}..{last:yyyy-MM-dd}";
        var auditSpan = $"{audited:yyyy-MM-dd}..{last:yyyy-MM-dd}";
        return OpportunityRanking.Rank([
            .. automation.Select(o => o with { Queries = [Command([metrics.Roles.QaRate], [.. Cell, PlanningMetrics.AutomatedBy], auditSpan, o.Subject), Command([metrics.Roles.Volume], [.. Cell, PlanningMetrics.AutomatedBy], span, o.Subject), Command([metrics.HandlingTime], Cell, span, o.Subject)] }),
            .. sites.Select(o => o with { Queries = [Command([metrics.Roles.StaffingHours, metrics.HandlingTime], ["site"], span, NoSubject), Command([metrics.HumanVolume, metrics.HandlingTime], ["queue", "policy"], span, o.Subject)] }),
            .. handling.Select(o => o with { Queries = [HandlingCommand(o.Subject, span)] }),
            .. qa.Select(o => o with { Queries = [Command([metrics.Roles.Volume, metrics.Roles.QaRate], ["site", PlanningMetrics.Verdict], span, o.Subject)] }),
            .. risk.Select(o => o with { Queries = [$"modscope plan --as-of {last:yyyy-MM-dd} --filter site={o.Subject["site"]}", Command([metrics.HumanVolume], ["queue"], span, o.Subject) + " --grain day"] }),
        ]);
    }

    /// <summary>The unit and its peers on the mix: a moderator among its site's moderators, a queue among its object type's queues.</summary>
    private string HandlingCommand(IReadOnlyDictionary<string, string> subject, string span)
    {
        string[] measures = [metrics.HumanVolume, metrics.HandlingTime, metrics.HandlingSquares ?? metrics.HandlingTime];
        return subject.ContainsKey("moderator")
            ? Command(measures, ["moderator", "queue", "policy"], span, new Dictionary<string, string> { ["site"] = subject["site"] })
            : Command(measures, ["queue", "policy"], span, new Dictionary<string, string> { ["object_type"] = subject["object_type"] });
    }

    private static string Command(IEnumerable<string> metricIds, IEnumerable<string> by, string span, IReadOnlyDictionary<string, string> subject) =>
        $"modscope query --metric {string.Join(',', metricIds)} --by {string.Join(',', by)} --period {span}" +
        string.Concat(subject.Select(kv => $" --filter {kv.Key}={kv.Value}"));

    /// <summary>
    /// Policy × queue cells: human volume a week, handling time and automation rate over the recent weeks
    /// (<paramref name="first"/>..<paramref name="last"/>), both accuracies over the audit window (<paramref name="audited"/>..<paramref name="last"/>,
    /// <see cref="OpportunitySettings.AccuracyDays"/>).
    /// </summary>
    private async Task<List<AutomationCell>> CellsAsync(IReadOnlyList<DimensionFilter> filters, DateOnly first, DateOnly audited, DateOnly last,
        IReadOnlyDictionary<string, double> cost, CancellationToken cancellationToken)
    {
        var volume = metrics.Roles.Volume;
        // The handling time is of human decisions only, so its human row of a cell is the cell's.
        var recent = reader.RunAsync([volume, metrics.HandlingTime], [.. Cell, PlanningMetrics.AutomatedBy], TimeGrain.None, filters, first, last, cancellationToken);
        var accuracy = reader.RunAsync([metrics.Roles.QaRate], [.. Cell, PlanningMetrics.AutomatedBy], TimeGrain.None, filters, audited, last, cancellationToken);
        var audits = (await accuracy.ConfigureAwait(false)).ToLookup(r => PlanningReader.Key(r, Cell), StringComparer.Ordinal);
        var split = await recent.ConfigureAwait(false);
        var handling = split.Where(r => r.Metric == metrics.HandlingTime && r.Dimensions[PlanningMetrics.AutomatedBy] == PlanningMetrics.HumanValue && r.Value > 0)
            .ToDictionary(r => PlanningReader.Key(r, Cell), r => r.Value!.Value, StringComparer.Ordinal);
        var hourly = cost.Count == 0 ? 0.0 : cost.Values.Average();
        var weeks = (last.DayNumber - first.DayNumber + 1) / 7.0;
        var cells = new List<AutomationCell>();
        foreach (var group in split.GroupBy(r => PlanningReader.Key(r, Cell), StringComparer.Ordinal))
        {
            bool IsHuman(MetricResult r) => r.Dimensions[PlanningMetrics.AutomatedBy] == PlanningMetrics.HumanValue;
            var human = group.Where(r => r.Metric == volume && IsHuman(r)).Sum(r => r.Value ?? 0.0);
            var total = group.Where(r => r.Metric == volume).Sum(r => r.Value ?? 0.0);
            if (human <= 0 || !handling.TryGetValue(group.Key, out var seconds))
            {
                continue;
            }
            var subject = Cell.ToDictionary(d => d, d => group.First().Dimensions[d] ?? "(none)", StringComparer.Ordinal);
            cells.Add(new AutomationCell(subject, human / weeks, seconds, hourly, 1.0 - (human / total),
                Accuracy(audits[group.Key].Where(IsHuman)),
                Accuracy(audits[group.Key].Where(r => !IsHuman(r)))));
        }
        return cells;
    }

    /// <summary>The QA accuracy of one side (one row expected), with Kish's effective audits behind it, at most its audits (<see cref="AccuracyEstimate.ForProcess"/>).</summary>
    private static AccuracyEstimate? Accuracy(IEnumerable<MetricResult> rows) =>
        rows.FirstOrDefault(r => r.Value is not null) is { } r ? AccuracyEstimate.ForProcess(r.Value!.Value, r.EffectiveSampleSize, r.SampleSize) : null;

    /// <summary>Each site's days: productive hours (the plan's staffing), and human decisions with their handling seconds by queue × policy.</summary>
    private async Task<List<SiteWork>> SitesAsync(IReadOnlyList<SiteHours> hours, IReadOnlyList<DimensionFilter> filters, DateOnly first, DateOnly last,
        IReadOnlyDictionary<string, double> cost, CancellationToken cancellationToken)
    {
        string[] mix = ["site", "queue", "policy"];
        var work = await reader.RunAsync([metrics.HumanVolume, metrics.HandlingTime], mix, TimeGrain.Day, filters, first, last, cancellationToken).ConfigureAwait(false);
        var seconds = work.Where(r => r.Metric == metrics.HandlingTime && r.Value is not null)
            .ToDictionary(r => (r.Bucket, PlanningReader.Key(r, mix)), r => r.Value!.Value);
        var strata = work.Where(r => r.Metric == metrics.HumanVolume && r.Value > 0 && r.Bucket is not null)
            .ToLookup(r => (Site: r.Dimensions["site"] ?? "(none)", Day: DateOnly.FromDateTime(r.Bucket!.Value)),
                r => new StratumWork($"{r.Dimensions["queue"]}|{r.Dimensions["policy"]}", r.Value!.Value, r.Value!.Value * seconds.GetValueOrDefault((r.Bucket, PlanningReader.Key(r, mix)))));
        return hours.Where(d => d.Day >= first && d.Day <= last && d.Productive > 0)
            .GroupBy(d => d.Site, StringComparer.Ordinal)
            .Select(site => new SiteWork(site.Key, cost.GetValueOrDefault(site.Key), site
                .Select(d => new SiteDay(d.Day, d.Productive, strata[(site.Key, d.Day)].ToArray()))
                .ToArray()))
            .ToList();
    }
}
