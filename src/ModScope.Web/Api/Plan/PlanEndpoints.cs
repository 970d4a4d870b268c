using ModScope.Common;
using ModScope.Planning;
using ModScope.Planning.Opportunities;
using ModScope.Web.Access;

namespace ModScope.Web.Api.Plan;

/// <summary>
/// The Plan page's API, answered by the planning library as <c>modscope forecast</c>, <c>plan</c> and
/// <c>opportunities</c> answer, within the caller's scope: <c>/api/plan</c> (the volume forecast per market or queue
/// with its bands, and required against scheduled hours per site and day) and <c>/api/opportunities</c> (the sized
/// opportunities, worth the most money a week first).
/// </summary>
internal static class PlanEndpoints
{
    /// <summary>Days of history drawn before the forecast.</summary>
    public const int HistoryDays = 28;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/plan", async ([AsParameters] ForecastParameters p, HttpContext http, Dashboard dashboard, PlanCache cache, CancellationToken cancellationToken) =>
        {
            var by = By(p.By);
            var request = PlanningRequest.Read(p, dashboard, Caller.Of(http).Scope);
            var language = request.Language;
            var metric = dashboard.Catalog.Roles.Volume;
            var forecast = await cache.GetOrRunAsync($"forecast|{by}|{request.Key}", dashboard.DataVersion,
                () => request.Forecasts.ForecastAsync(metric, [by], request.Filters, request.Settings, request.AsOf, CancellationToken.None), cancellationToken).ConfigureAwait(false);
            var plan = await PlanAsync(request, dashboard, cache, cancellationToken).ConfigureAwait(false);
            var sites = plan.Plan.Sites.Where(s => s.Day > plan.LastDay)
                .Select(s => new SiteDayView(s.Site, s.Day, CultureFormat.Day(s.Day, language), s.RequiredScheduled, s.Scheduled, s.Gap, s.WorkScheduled,
                    s.DeadlineExtra, s.QueuesAtRisk, s.LiveRequired, s.LiveShort, s.LiveQueuesAtRisk))
                .ToList();
            var risky = sites.Where(s => s.AtRisk).ToList();
            var uncovered = sites.Where(s => s.LiveAtRisk).ToList();
            var culture = CultureFormat.Culture(language);
            return Results.Ok(new PlanAnswer(
                forecast.LastDay, CultureFormat.Day(forecast.LastDay, language), request.Settings.HorizonDays, metric,
                dashboard.Catalog.Metric(metric).Name.In(language), request.Settings.IntervalLevel,
                string.Format(culture, Labels.Get(language, "plan.band"), request.Settings.IntervalLevel), by, dashboard.Catalog.Dimension(by).Name.In(language),
                forecast.Series.Select(s => new ForecastView(s.Subject[by], ModScope.Model.PlaceNames.Name(request.Visible, by, s.Subject[by], language),
                    s.History.TakeLast(HistoryDays).Select(d => new HistoryDay(d.Day, CultureFormat.Day(d.Day, language), d.Value)).ToList(),
                    s.Forecast.Points.Select(d => new ForecastDay(d.Day, CultureFormat.Day(d.Day, language), d.Value, d.Lower, d.Upper)).ToList())).ToList(),
                forecast.Skipped,
                sites,
                string.Format(culture, Labels.Get(language, "plan.summary"), risky.Count, sites.Count, risky.Sum(s => s.Extra).ToString("N0", culture)),
                uncovered.Count == 0 ? Labels.Get(language, "plan.liveCovered")
                    : string.Format(culture, Labels.Get(language, "plan.liveSummary"), uncovered.Count, sites.Count, uncovered.Sum(s => s.LiveShort).ToString("N0", culture))));
        }).Expensive().WithName("Plan")
          .WithSummary("The volume forecast per market or queue with prediction intervals, and required against scheduled hours per site and day with the days a deadline queue is at SLA risk and, apart, the livestream queues' coverage and the days it is short (as 'modscope forecast' and 'modscope plan').")
          .ProducesValidationProblem();

        api.MapGet("/opportunities", async ([AsParameters] PlanParameters p, HttpContext http, Dashboard dashboard, PlanCache cache, CancellationToken cancellationToken) =>
        {
            var caller = Caller.Of(http);
            var request = PlanningRequest.Read(p, dashboard, caller.Scope);
            var settings = new OpportunitySettings();
            // The plan the opportunities start from is /api/plan's (the page asks for both): built once, kept in the cache.
            var (last, found) = await cache.GetOrRunAsync($"opportunities|{request.Key}", dashboard.DataVersion, async () =>
            {
                var plan = await PlanAsync(request, dashboard, cache, CancellationToken.None).ConfigureAwait(false);
                return new Found(plan.LastDay, await request.Finder.FindAsync(plan, request.Filters, settings, CancellationToken.None).ConfigureAwait(false));
            }, cancellationToken).ConfigureAwait(false);
            var words = new OpportunityWords(request.Language, request.Visible, id => caller.MaySeePeople ? id : dashboard.Pseudonyms.Of(id));
            return Results.Ok(new OpportunitiesAnswer(last, CultureFormat.Day(last, request.Language), settings.Currency,
                found.OrderByDescending(o => o.MoneyPerWeek).ThenBy(o => o.Kind).ThenBy(o => o.Rank).Select(o => View(o, words, settings.Currency)).ToList()));
        }).Expensive().WithName("Opportunities")
          .WithSummary("Sized opportunities in scope (automation, site productivity, handling time, QA sampling, SLA risk, live coverage), each with hours and money a week, an interval, its evidence and the queries that reproduce it (as 'modscope opportunities').")
          .ProducesValidationProblem();
    }

    /// <summary>The opportunities found and the last day of data the plan they come from starts after.</summary>
    private sealed record Found(DateOnly LastDay, IReadOnlyList<Opportunity> Opportunities);

    /// <summary>The plan at the default targets (the opportunities' too), from the cache or built once.</summary>
    private static Task<PlanOutcome> PlanAsync(PlanningRequest request, Dashboard dashboard, PlanCache cache, CancellationToken cancellationToken) =>
        cache.GetOrRunAsync($"plan|{request.Key}", dashboard.DataVersion,
            () => request.Planner.BuildAsync(request.Filters, request.Settings, new OpportunitySettings().Targets, request.AsOf, CancellationToken.None), cancellationToken);

    private static OpportunityView View(Opportunity o, OpportunityWords words, string currency)
    {
        var subject = words.Subject(o);
        return new OpportunityView(
            OpportunityKinds.Name(o.Kind), words.Kind(o.Kind), o.Rank, subject, words.SubjectName(subject),
            o.Size.Value, o.Size.Low, o.Size.High, OpportunityWords.UnitId(o.Size.Unit),
            $"{words.Number(o.Size.Value)} {words.Unit(o.Size.Unit)}", words.Range(o.Size.Low, o.Size.High),
            o.HoursPerWeek, words.Number(o.HoursPerWeek), o.MoneyPerWeek, words.Money(o.MoneyPerWeek, currency),
            o.Evidence.Select(words.Evidence).ToList(), o.Queries, ExplorerLink.First(o.Queries));
    }

    /// <summary>The forecast's subject dimension: market (default) or queue.</summary>
    public static string By(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "market" => "market",
        "queue" => "queue",
        _ => throw new BadParameterException("by", $"'{text}' is not a forecast subject; use market or queue.", ProblemReason.Unknown("forecast subject", text, ["market", "queue"])),
    };
}
