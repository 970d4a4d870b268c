using System.Globalization;
using System.Text.RegularExpressions;
using ModScope.Monitor.Calendar;
using ModScope.Planning;
using ModScope.Planning.Forecasting;
using ModScope.Planning.Opportunities;
using ModScope.Planning.Workload;
using ModScope.Query;
using ModScope.Tests.Reports;

namespace ModScope.Tests.Planning;

/// <summary>
/// What the plan and the opportunities share: each site's staffing over the recent days is read once (the roster ahead,
/// the hourly costs and the site productivity from one request), the hourly costs are those of the raw staffing files,
/// and opportunities from a plan already built are those found from scratch.
/// </summary>
[Collection(ReportStoreCollection.Name)]
public sealed partial class PlanSharingTests(ReportFixture fixture)
{
    private static readonly DateOnly LastDay = new(2026, 9, 20);

    private static readonly ForecastSettings Settings = new() { HorizonDays = 14 };

    [Fact]
    public async Task Opportunities_read_the_sites_staffing_in_one_statement()
    {
        var recorder = new Recorder(fixture.Engine);
        var reader = new PlanningReader(new MetricQuery(fixture.Catalog, recorder));
        var metrics = PlanningMetrics.From(fixture.Catalog.Roles);
        // The relations a request for staffing alone reads (the rollup's table, or the staffing rows) that one for decisions does not.
        await reader.RunAsync([metrics.Staffing], ["site"], TimeGrain.Day, [], LastDay.AddDays(-27), LastDay, CancellationToken.None);
        var relations = Relations(recorder.Statements);
        recorder.Statements.Clear();
        await reader.RunAsync([metrics.HumanVolume], ["site"], TimeGrain.Day, [], LastDay.AddDays(-27), LastDay, CancellationToken.None);
        relations.ExceptWith(Relations(recorder.Statements));
        Assert.NotEmpty(relations);
        recorder.Statements.Clear();

        var planner = new PlanBuilder(reader, new SeriesForecasts(reader, EventCalendar.Empty), metrics);
        await new OpportunityFinder(reader, planner, metrics).FindAsync([], Settings, new OpportunitySettings(), LastDay, CancellationToken.None);

        // Before: three (the roster ahead, the hourly costs, the site productivity).
        var staffing = recorder.Statements.Where(s => Relations([s]).Overlaps(relations)).ToList();
        Assert.Single(staffing);
    }

    [Fact]
    public async Task The_plans_hourly_cost_is_each_sites_cost_over_its_scheduled_hours_in_the_raw_staffing_files()
    {
        var reader = new PlanningReader(fixture.Query);
        var metrics = PlanningMetrics.From(fixture.Catalog.Roles);
        var plan = await new PlanBuilder(reader, new SeriesForecasts(reader, EventCalendar.Empty), metrics)
            .BuildAsync([], Settings, new PlanningTargets(), LastDay, CancellationToken.None);

        // The oracle: date,site,market,moderator_id,scheduled_hours,productive_hours,hourly_cost over the last 28 days
        // (every site costs in USD, the reporting currency).
        var rows = Directory.GetFiles(Path.Combine(fixture.Folder, "data"), "staffing-*.csv").SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(l => l.Split(','))
            .Select(f => (Day: DateOnly.Parse(f[0], CultureInfo.InvariantCulture), Site: f[1], Scheduled: double.Parse(f[4], CultureInfo.InvariantCulture),
                Productive: double.Parse(f[5], CultureInfo.InvariantCulture), Cost: double.Parse(f[6], CultureInfo.InvariantCulture)))
            .Where(r => r.Day > LastDay.AddDays(-28) && r.Day <= LastDay)
            .ToList();
        var expected = rows.GroupBy(r => r.Site).ToDictionary(g => g.Key, g => g.Sum(r => r.Scheduled * r.Cost) / g.Sum(r => r.Scheduled));

        Assert.Equal(expected.Keys.Order(), plan.HourlyCost.Keys.Order());
        Assert.All(expected, e => Assert.Equal(e.Value, plan.HourlyCost[e.Key], 1e-9 * e.Value));
        // The staffing days the plan hands on: each site-day's productive and scheduled hours.
        var days = rows.GroupBy(r => (r.Site, r.Day)).ToDictionary(g => g.Key, g => (Productive: g.Sum(r => r.Productive), Scheduled: g.Sum(r => r.Scheduled)));
        Assert.Equal(days.Count, plan.Staffing.Count);
        Assert.All(plan.Staffing, d =>
        {
            Assert.Equal(days[(d.Site, d.Day)].Productive, d.Productive, 1e-9);
            Assert.Equal(days[(d.Site, d.Day)].Scheduled, d.Scheduled, 1e-9);
        });
    }

    [Fact]
    public async Task Opportunities_from_a_plan_already_built_are_those_found_from_scratch()
    {
        var reader = new PlanningReader(fixture.Query);
        var metrics = PlanningMetrics.From(fixture.Catalog.Roles);
        var planner = new PlanBuilder(reader, new SeriesForecasts(reader, EventCalendar.Empty), metrics);
        var finder = new OpportunityFinder(reader, planner, metrics);
        var settings = new OpportunitySettings();

        var scratch = await finder.FindAsync([], Settings, settings, LastDay, CancellationToken.None);
        var plan = await planner.BuildAsync([], Settings, settings.Targets, LastDay, CancellationToken.None);
        var shared = await finder.FindAsync(plan, [], settings, CancellationToken.None);

        Assert.NotEmpty(scratch);
        Assert.Equal(scratch.Select(Label), shared.Select(Label));
        Assert.All(scratch.Zip(shared), p => Assert.Equal(p.First.MoneyPerWeek, p.Second.MoneyPerWeek, 1e-9 * Math.Max(1, p.First.MoneyPerWeek)));
        Assert.Equal(scratch.SelectMany(o => o.Queries), shared.SelectMany(o => o.Queries));
    }

    [Theory]
    [InlineData(28)]
    [InlineData(56)]
    public async Task Automation_accuracies_are_read_over_the_audit_window_and_nothing_QA_reads_earlier(int days)
    {
        var recorder = new Recorder(fixture.Engine);
        var reader = new PlanningReader(new MetricQuery(fixture.Catalog, recorder));
        var metrics = PlanningMetrics.From(fixture.Catalog.Roles);
        // The relations a request for QA accuracy reads that one for decisions does not (the audits, or the rollup's strata).
        await reader.RunAsync([metrics.Roles.QaRate], ["site"], TimeGrain.None, [], LastDay.AddDays(-27), LastDay, CancellationToken.None);
        var audits = Relations(recorder.Statements);
        recorder.Clear();
        await reader.RunAsync([metrics.Roles.Volume], ["site"], TimeGrain.None, [], LastDay.AddDays(-27), LastDay, CancellationToken.None);
        audits.ExceptWith(Relations(recorder.Statements));
        Assert.NotEmpty(audits);
        recorder.Clear();

        var planner = new PlanBuilder(reader, new SeriesForecasts(reader, EventCalendar.Empty), metrics);
        await new OpportunityFinder(reader, planner, metrics).FindAsync([], Settings, new OpportunitySettings { AccuracyDays = days }, LastDay, CancellationToken.None);

        // The earliest instant any statement over audits is bounded by: the audit window's first day (28 = the recent days
        // the QA designs read too), UTC midnight.
        var earliest = recorder.Parameters.Where(c => Relations([c.Sql]).Overlaps(audits))
            .SelectMany(c => c.Values.Values).Select(Instant).OfType<DateTime>().Min();
        Assert.Equal(LastDay.AddDays(1 - days).ToDateTime(TimeOnly.MinValue), earliest);
    }

    private static DateTime? Instant(object? value) => value switch
    {
        DateTime t => t,
        DateTimeOffset t => t.UtcDateTime,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        _ => null,
    };

    private static HashSet<string> Relations(IEnumerable<string> statements) =>
        statements.SelectMany(s => Relation().Matches(s).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string Label(Opportunity o) => $"{o.Kind} {o.Rank} {string.Join(',', o.Subject.Select(kv => $"{kv.Key}={kv.Value}"))}";

    /// <summary>A table or view a statement reads from (quoted or not).</summary>
    [GeneratedRegex("""(?:FROM|JOIN)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex Relation();

    /// <summary>Runs every statement on the store's engine and keeps its SQL.</summary>
    private sealed class Recorder(IMetricEngine inner) : IMetricEngine
    {
        public List<string> Statements { get; } = [];

        public List<(string Sql, IReadOnlyDictionary<string, object?> Values)> Parameters { get; } = [];

        public void Clear()
        {
            Statements.Clear();
            Parameters.Clear();
        }

        public ISqlDialect Dialect => inner.Dialect;

        public global::ModScope.Model.ReferenceData Reference => inner.Reference;

        public RollupState? Rollup(string name) => inner.Rollup(name);

        public Task<IReadOnlyList<object?[]>> QueryAsync(string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken = default)
        {
            lock (Statements)
            {
                Statements.Add(sql);
                Parameters.Add((sql, parameters));
            }
            return inner.QueryAsync(sql, parameters, cancellationToken);
        }
    }
}
