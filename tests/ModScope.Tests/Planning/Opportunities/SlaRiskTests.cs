using ModScope.Planning.Opportunities;
using ModScope.Planning.Workload;

namespace ModScope.Tests.Planning.Opportunities;

public sealed class SlaRiskTests
{
    private static readonly DateOnly First = new(2026, 11, 2);
    private static readonly PlanningTargets Targets = new() { Occupancy = 0.8, Shrinkage = 0.2 };

    private static WorkloadPlan Plan(double volume) => WorkloadPlanner.Plan(
        [
            new QueueDemand("SHORT", "Q1", 8, [.. Enumerable.Range(0, 14).Select(i => new DemandDay(First.AddDays(i), volume, 36))]),
            new QueueDemand("FINE", "Q2", 24, [.. Enumerable.Range(0, 14).Select(i => new DemandDay(First.AddDays(i), volume, 36))]),
        ],
        [.. Enumerable.Range(0, 14).SelectMany(i => new[] { new CapacityDay("SHORT", First.AddDays(i), 12.5), new CapacityDay("FINE", First.AddDays(i), 20) })],
        Targets);

    [Fact]
    public void A_site_short_of_hours_for_its_forecast_is_worth_the_extra_hours_a_week()
    {
        var found = SlaRisk.Find(Plan(1000), Plan(900), Plan(1100), new Dictionary<string, double> { ["SHORT"] = 10 }, new OpportunitySettings { Targets = Targets });

        var o = Assert.Single(found);
        Assert.Equal("SHORT", o.Subject["site"]);
        // 10 handling hours arrive and 8 can be done a day; under an 8 h SLA 10(d+1) − 10/3 is due by the end of day d.
        // Extra handling hours, day by day: day 0 none (6.67 due, 8 done), day 1 16.67 − 8 − 8 = 0.67, then 2 a day for
        // days 2–13: 24.67 handling hours × 1.5625 = 38.54 scheduled over 2 weeks, 19.27 a week.
        Assert.Equal((2.0 / 3.0 + 24) * 1.5625 / 2, o.Size.Value, 9);
        Assert.Equal((2.0 / 3.0 + 24) * 1.5625 / 2 * 10, o.MoneyPerWeek, 9);
        Assert.True(o.Size.Low < o.Size.Value && o.Size.Value < o.Size.High);
        Assert.Equal("Q1", o.Evidence.Single(e => e.Key == "queues_at_risk").Text);
    }

    [Fact]
    public void A_site_without_someone_on_duty_every_hour_for_its_livestream_is_live_coverage_not_sla_risk()
    {
        WorkloadPlan Live() => WorkloadPlanner.Plan(
            [
                new QueueDemand("LIVE", "L", 1, [.. Enumerable.Range(0, 7).Select(i => new DemandDay(First.AddDays(i), 24, 36))]),
                new QueueDemand("LIVE", "F", 24, [.. Enumerable.Range(0, 7).Select(i => new DemandDay(First.AddDays(i), 10, 36))]),
            ],
            [.. Enumerable.Range(0, 7).Select(i => new CapacityDay("LIVE", First.AddDays(i), 10))],
            Targets);

        var found = SlaRisk.Find(Live(), Live(), Live(), new Dictionary<string, double> { ["LIVE"] = 10 }, new OpportunitySettings { Targets = Targets });

        var o = Assert.Single(found);
        Assert.Equal(OpportunityKind.LiveCoverage, o.Kind);
        // One item an hour of 36 s needs one agent every hour: 24 agent-hours, 24 / (1 − 0.2) = 30 scheduled hours a day;
        // the site has 10, so 20 a day are missing, 140 a week. The deadline queue F (0.1 handling hours a day) is served
        // by what is left after the livestream's 0.24 handling hours, so it is not at risk.
        Assert.Equal(140, o.Size.Value, 9);
        Assert.Equal(1400, o.MoneyPerWeek, 9);
        Assert.Equal("L", o.Evidence.Single(e => e.Key == "queues_at_risk").Text);
    }
}
