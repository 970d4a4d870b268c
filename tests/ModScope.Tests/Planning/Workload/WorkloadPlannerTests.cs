using ModScope.Planning.Workload;

namespace ModScope.Tests.Planning.Workload;

public sealed class WorkloadPlannerTests
{
    private static readonly DateOnly First = new(2026, 11, 2);

    /// <summary>Occupancy 0.8 and shrinkage 0.2: one handling hour needs 1/(0.8 · 0.8) = 1.5625 scheduled hours.</summary>
    private static readonly PlanningTargets Targets = new() { Occupancy = 0.8, Shrinkage = 0.2, SlaAttainment = 0.9 };

    private static QueueDemand Queue(string site, string queue, double sla, double volume, double handling, int days = 7) =>
        new(site, queue, sla, [.. Enumerable.Range(0, days).Select(i => new DemandDay(First.AddDays(i), volume, handling))]);

    private static CapacityDay[] Scheduled(string site, double hours, int days = 7) =>
        [.. Enumerable.Range(0, days).Select(i => new CapacityDay(site, First.AddDays(i), hours))];

    [Fact]
    public void Work_becomes_scheduled_hours_through_occupancy_and_shrinkage()
    {
        // 1,000 decisions of 36 s = 10 handling hours a day → 15.625 scheduled hours.
        var plan = WorkloadPlanner.Plan([Queue("S1", "Q1", 24, 1000, 36)], Scheduled("S1", 15.625), Targets);

        Assert.All(plan.Queues, q =>
        {
            Assert.Equal(10.0, q.WorkHours, 9);
            Assert.Equal(15.625, q.RequiredScheduled, 9);
            Assert.False(q.AtRisk);
            Assert.Equal(0.0, q.ExtraScheduled, 9);
        });
        Assert.All(plan.Sites, s => Assert.Equal(0.0, s.Gap, 9));
    }

    [Fact]
    public void A_short_site_carries_its_backlog_until_the_sla_breaks()
    {
        // 12.5 scheduled hours give 12.5 · 0.64 = 8 handling hours against 10 arriving: served in order, work arriving at
        // day t is done at 10t/8 = 1.25t, past its 24-hour SLA once 0.25t > 1, so work arriving after day 4 breaks it,
        // first due on day 5; the extra 2 handling hours a day are 2 · 1.5625 = 3.125 scheduled hours.
        var plan = WorkloadPlanner.Plan([Queue("S1", "Q1", 24, 1000, 36)], Scheduled("S1", 12.5), Targets);

        Assert.Equal([false, false, false, false, false, true, true], plan.Queues.Select(q => q.AtRisk));
        Assert.Equal(3.125, plan.Queues[5].ExtraScheduled, 9);
        Assert.Equal(3.125, plan.Sites[5].Gap, 9);
        Assert.Equal(1, plan.Sites[6].QueuesAtRisk);
    }

    [Fact]
    public void A_sites_deadline_queues_share_its_hours_earliest_deadline_first()
    {
        // A: SLA 4 h, 2,400 a day of 18 s = 12 handling hours (0.5 an hour); B: SLA 24 h, the same work. Day 0: 37.5
        // scheduled = 24 handling hours (1 an hour): each hour's arrivals are served within it. Day 1, short: 9.375
        // scheduled = 6 handling hours (0.25 an hour), all of it to A (A's deadlines, 4 h on, come before B's, 24 h on).
        // A's chunk of hour i of day 1 (0.5) is due at the end of hour i + 4; by then 0.25·(i + 5) was served, of which
        // 0.5·i went to the chunks before it: 1.25 − 0.25·i is left for it, all of 0.5 for i ≤ 3, 0.25 for i = 4, none
        // after. Late: 0.25 + 15 · 0.5 = 7.75 of the 12 due on day 1 (day 0's hours 20-23, 2, and day 1's 0-19, 10);
        // attainment 4.25 / 12. Extra that keeps every deadline (added at the deadline): from hour 8 on, each hour's
        // 0.25 serves the chunk due then and 0.25 more is needed: 16 · 0.25 = 4 handling hours = 6.25 scheduled.
        // B's work due on day 1 is day 0's, served on day 0: nothing late. (Shared in proportion to need, A would have
        // had 3 handling hours of the 6 and B 3 it did not need yet.)
        var days = new[] { First, First.AddDays(1) };
        var plan = WorkloadPlanner.Plan(
            [Queue("S1", "A", 4, 2400, 18, days: 2), Queue("S1", "B", 24, 2400, 18, days: 2)],
            [new CapacityDay("S1", days[0], 37.5), new CapacityDay("S1", days[1], 9.375)],
            Targets);

        var a = plan.Queues.Where(q => q.Queue == "A").ToArray();
        var b = plan.Queues.Where(q => q.Queue == "B").ToArray();
        Assert.Equal((1.0, 0.0, false), (a[0].Attainment, a[0].ExtraScheduled, a[0].AtRisk));
        Assert.Equal(4.25 / 12.0, a[1].Attainment, 9);
        Assert.Equal(6.25, a[1].ExtraScheduled, 9);
        Assert.True(a[1].AtRisk);
        Assert.All(b, q => Assert.Equal((1.0, 0.0, false), (q.Attainment, q.ExtraScheduled, q.AtRisk)));
        // Served: day 0 all 24 (12 each, 18.75 scheduled each), day 1 A's 6 (9.375 scheduled), B none; backlogs at
        // day 1's end: A 12 − 6 = 6, B 12.
        Assert.Equal([18.75, 9.375], a.Select(q => Math.Round(q.AllocatedScheduled, 9)));
        Assert.Equal([18.75, 0.0], b.Select(q => Math.Round(q.AllocatedScheduled, 9)));
        Assert.Equal((6.0, 12.0), (Math.Round(a[1].Backlog, 9), Math.Round(b[1].Backlog, 9)));
        Assert.Equal(6.25, plan.Sites[1].DeadlineExtra, 9);
        Assert.Equal(1, plan.Sites[1].QueuesAtRisk);
    }

    [Fact]
    public void Idle_hours_of_a_deadline_pool_are_shared_in_proportion_to_need()
    {
        // Needs 10 and 30 handling hours (15.625 and 46.875 scheduled) against 80 scheduled: all work is served (10 and
        // 30 handling hours = 15.625 and 46.875), and the 80 − 62.5 = 17.5 idle hours split 1 : 3.
        var plan = WorkloadPlanner.Plan([Queue("S1", "A", 24, 1000, 36, days: 1), Queue("S1", "B", 48, 3000, 36, days: 1)], Scheduled("S1", 80, days: 1), Targets);

        Assert.Equal(15.625 + (17.5 / 4), plan.Queues.First(q => q.Queue == "A").AllocatedScheduled, 9);
        Assert.Equal(46.875 + (17.5 * 3 / 4), plan.Queues.First(q => q.Queue == "B").AllocatedScheduled, 9);
        Assert.Equal(62.5 - 80, plan.Sites[0].Gap, 9);
    }

    [Fact]
    public void A_minute_scale_queue_is_staffed_hour_by_hour_with_erlang_c()
    {
        // 240 a day, evenly: 10 an hour of 180 s = 0.5 Erlang. One agent: C = A = 0.5 and the service level within the
        // 1 h SLA is 1 − 0.5·e^{−0.5·3600/180} > 0.9, so one agent-hour each hour, 24 a day → 24 / 0.8 = 30 scheduled.
        var plan = WorkloadPlanner.Plan([Queue("S1", "live", 1, 240, 180, days: 1)], Scheduled("S1", 30, days: 1), Targets);

        var day = Assert.Single(plan.Queues);
        Assert.Equal(QueueModel.Erlang, day.Model);
        Assert.Equal(30.0, day.RequiredScheduled, 9);
        Assert.False(day.AtRisk);
        Assert.NotNull(day.Abandoned);
    }

    [Fact]
    public void A_minute_scale_queue_without_hours_is_at_risk_by_its_whole_need()
    {
        var plan = WorkloadPlanner.Plan([Queue("S1", "live", 1, 240, 180, days: 1)], [], Targets);

        var day = Assert.Single(plan.Queues);
        Assert.True(day.AtRisk);
        Assert.Equal(0.0, day.Attainment, 9);
        Assert.Equal(30.0, day.ExtraScheduled, 9);
    }

    [Fact]
    public void A_minute_scale_queues_coverage_does_not_starve_the_fluid_queues_of_its_site()
    {
        // Livestream: 240 a day of 180 s = 12 handling hours, covered by one agent every hour (30 scheduled, as above).
        // Fluid: 1,000 of 36 s = 10 handling hours = 15.625 scheduled. The site's 40 hours cover the livestream fully;
        // only its 12 handling hours (12 · 1.5625 = 18.75 scheduled) leave the pool, so the fluid queue gets
        // 40 − 18.75 = 21.25 ≥ 15.625. The site needs max(30, 18.75 + 15.625) = 34.375, 5.625 less than it has.
        // (Shared in proportion to need, 30 : 15.625, the fluid queue would get 13.7 and break its SLA.)
        var plan = WorkloadPlanner.Plan([Queue("S1", "live", 1, 240, 180), Queue("S1", "A", 24, 1000, 36)], Scheduled("S1", 40), Targets);

        Assert.All(plan.Queues.Where(q => q.Queue == "live"), q => Assert.Equal(30.0, q.AllocatedScheduled, 9));
        Assert.All(plan.Queues.Where(q => q.Queue == "A"), q => Assert.Equal(21.25, q.AllocatedScheduled, 9));
        Assert.DoesNotContain(plan.Queues, q => q.AtRisk);
        Assert.All(plan.Sites, s => Assert.Equal(34.375 - 40, s.Gap, 9));
    }

    [Fact]
    public void A_sites_minute_scale_queues_share_one_agent_each_hour()
    {
        // Two livestream queues of 24 a day (one an hour, 180 s = 0.05 Erlang each). Apart each needs one agent every
        // hour (60 scheduled together); pooled, 0.1 Erlang on one agent waits with probability C = A = 0.1 and the
        // service level within the hour is 1 − 0.1·e^{−0.9·20} > 0.9, so one agent an hour: 24 / 0.8 = 30 scheduled,
        // half each (equal work).
        var plan = WorkloadPlanner.Plan([Queue("S1", "live-a", 1, 24, 180, days: 1), Queue("S1", "live-b", 1, 24, 180, days: 1)], Scheduled("S1", 30, days: 1), Targets);

        Assert.All(plan.Queues, q => Assert.Equal(15.0, q.RequiredScheduled, 9));
        Assert.DoesNotContain(plan.Queues, q => q.AtRisk);
        Assert.Equal(30.0, plan.Sites[0].RequiredScheduled, 9);
    }

    [Fact]
    public void A_site_short_of_coverage_needs_the_larger_of_the_two_shortfalls()
    {
        // 20 hours: the livestream gets 20 of its 30 (short 10); the fluid queue 20 − 18.75 = 1.25 of 15.625 scheduled
        // (0.8 of 10 handling hours), so its backlog grows. Hours added serve both, so the site's extra is the larger of
        // the livestream's 10 and the fluid queue's own extra, never their sum.
        var plan = WorkloadPlanner.Plan([Queue("S1", "live", 1, 240, 180, days: 1), Queue("S1", "A", 24, 1000, 36, days: 1)], Scheduled("S1", 20, days: 1), Targets);

        var live = plan.Queues.Single(q => q.Queue == "live");
        var fluid = plan.Queues.Single(q => q.Queue == "A");
        Assert.Equal(20.0, live.AllocatedScheduled, 9);
        Assert.Equal(10.0, live.ExtraScheduled, 9);
        Assert.Equal(1.25, fluid.AllocatedScheduled, 9);
        Assert.Equal(Math.Max(10.0, fluid.ExtraScheduled), plan.Sites[0].ExtraScheduled, 9);
    }

    [Fact]
    public void A_site_day_tells_its_deadline_queues_risk_apart_from_its_live_coverage()
    {
        // 20 scheduled hours. The livestream (24 a day of 180 s, one an hour) needs one agent every hour: 24 / 0.8 = 30
        // scheduled, of which its handling work is 24 · 180 s = 1.2 h → 1.875 scheduled. The fluid queue's 1,000 of 36 s
        // = 10 h → 15.625 scheduled gets 20 − 1.875 = 18.125, more than it needs: no deadline risk. The coverage gets
        // 20 of its 30 (short 10); two thirds of one agent, rounded down, is nobody, so the livestream misses its SLA.
        var plan = WorkloadPlanner.Plan([Queue("S1", "live", 1, 24, 180, days: 1), Queue("S1", "A", 24, 1000, 36, days: 1)], Scheduled("S1", 20, days: 1), Targets);

        var day = Assert.Single(plan.Sites);
        Assert.Equal(0, day.QueuesAtRisk);
        Assert.Equal(0.0, day.DeadlineExtra, 9);
        Assert.Equal(1.875 + 15.625, day.WorkScheduled, 9);
        Assert.Equal(30.0, day.LiveRequired, 9);
        Assert.Equal(10.0, day.LiveShort, 9);
        Assert.Equal(1, day.LiveQueuesAtRisk);
        Assert.Equal(30.0, day.RequiredScheduled, 9);
        Assert.Equal(10.0, day.ExtraScheduled, 9);
    }

    [Fact]
    public void Hour_shares_that_do_not_sum_to_one_are_refused_naming_the_queue()
    {
        var demand = Queue("S1", "live", 1, 240, 180) with { HourShares = [.. Enumerable.Repeat(0.05, 24)] };

        var error = Assert.Throws<ArgumentException>(() => WorkloadPlanner.Plan([demand], [], Targets));
        Assert.Contains("Queue live at S1", error.Message, StringComparison.Ordinal);
    }
}
