using ModScope.Planning.Workload;

namespace ModScope.Tests.Planning.Workload;

public sealed class FluidQueueTests
{
    private static readonly DateOnly First = new(2026, 11, 2);

    private static FluidDay[] Days(int count, double work, double capacity) =>
        [.. Enumerable.Range(0, count).Select(i => new FluidDay(First.AddDays(i), work, capacity))];

    [Fact]
    public void Enough_capacity_leaves_no_backlog()
    {
        var outcomes = FluidQueue.Run(Days(5, 10, 10), slaHours: 24);

        Assert.All(outcomes, o =>
        {
            Assert.Equal(0.0, o.Backlog, 12);
            Assert.Equal(1.0, o.Attainment);
            Assert.Equal(0.0, o.Extra);
        });
    }

    [Fact]
    public void A_daily_shortfall_breaks_a_24_hour_sla_only_once_the_backlog_exceeds_a_day()
    {
        // By hand, 10 h of work and 8 h of capacity a day: after day k (0-based) served 8(k+1), arrived 10(k+1);
        // due (arrived a day earlier) 10k. Past due = max(0, 10k − 8(k+1)): days 0–4 none, day 5: 50 − 48 = 2,
        // day 6: 60 − 56 = 4. Of the 10 due on day 6, FIFO leaves 4 late. Extra capacity to keep nothing past due:
        // day 5 needs 50 − 40 − 8 = 2, then every day 10 − 8 = 2.
        var outcomes = FluidQueue.Run(Days(7, 10, 8), slaHours: 24);

        Assert.Equal([0, 0, 0, 0, 0, 2, 4], outcomes.Select(o => Math.Round(o.Late, 9)));
        Assert.Equal([0, 0, 0, 0, 0, 2, 2], outcomes.Select(o => Math.Round(o.Extra, 9)));
        Assert.Equal([2, 4, 6, 8, 10, 12, 14], outcomes.Select(o => Math.Round(o.Backlog, 9)));
        Assert.Equal(0.6, outcomes[6].Attainment, 12);
    }

    [Fact]
    public void An_eight_hour_sla_needs_most_of_each_day_done_the_same_day()
    {
        // s = 1/3 day. 12 h of work and 10 h of capacity a day. Due by the end of day d: everything that arrived up to
        // 8 hours before it, W(d) − 12/3 = 12(d+1) − 4. Served 10(d+1). Day 0: due 8, served 10; day 1: 20 vs 20;
        // day 2: 32 vs 30 → 2 past due of the 12 due that day (32 − 20), attainment 10/12; extra 32 − 20 − 10 = 2.
        var outcomes = FluidQueue.Run(Days(3, 12, 10), slaHours: 8);

        Assert.Equal(0.0, outcomes[1].Late, 9);
        Assert.Equal(2.0, outcomes[2].Late, 9);
        Assert.Equal(12.0, outcomes[2].Due, 9);
        Assert.Equal(10.0 / 12.0, outcomes[2].Attainment, 9);
        Assert.Equal(2.0, outcomes[2].Extra, 9);
    }

    [Fact]
    public void A_backlog_carried_in_is_due_first()
    {
        // 5 h waiting from the day before (due by the end of day 0 under a 24 h SLA); 10 h arrive and 10 h are
        // done each day: day 0 serves the 5 h and 5 h of the new work, so nothing is past due and 5 h carry on.
        var outcomes = FluidQueue.Run(Days(2, 10, 10), slaHours: 24, initialBacklog: 5);

        Assert.Equal(5.0, outcomes[0].Due, 9);
        Assert.Equal(0.0, outcomes[0].Late, 9);
        Assert.Equal(5.0, outcomes[0].Backlog, 9);
    }

    [Fact]
    public void Days_with_a_gap_are_refused_naming_both()
    {
        FluidDay[] days = [new(First, 1, 1), new(First.AddDays(2), 1, 1)];

        var error = Assert.Throws<ArgumentException>(() => FluidQueue.Run(days, 24));
        Assert.Contains("2026-11-04 follows 2026-11-02", error.Message, StringComparison.Ordinal);
    }
}
