using ModScope.Common;
using ModScope.Monitor.Alerts;
using ModScope.Tests.Support;

namespace ModScope.Tests.Monitor.Alerts;

/// <summary>
/// The steps no person takes: auto-resolution once runs have judged N days inside the band after an alert's last
/// anomalous day, a snooze that ended turning back to acknowledged, each noted in the alert's comment thread.
/// </summary>
public sealed class AlertLifecycleTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 10, 20);
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private static AlertFinding Finding(string segment) =>
        new(AlertKind.Metric, "qa_accuracy", segment, Day, Day, AlertSeverity.Warning, -1, 0.7, "seasonal_robust_z", $"qa_accuracy fell for {segment}");

    /// <summary>Run 1 raises two alerts on <see cref="Day"/>; run 2, through <paramref name="laterDays"/> days later, finds nothing.</summary>
    private AlertStore TwoRuns(int laterDays)
    {
        var store = new AlertStore(_temp.Store);
        var first = store.StartRun(Day);
        store.Upsert([Finding("site=A"), Finding("site=B")], first, Day, Day);
        store.FinishRun(first, new MonitorRunSummary(Day, 1, 2, 0, "ok", null));
        var later = Day.AddDays(laterDays);
        var second = store.StartRun(later);
        store.Upsert([], second, Day.AddDays(1), later);
        store.FinishRun(second, new MonitorRunSummary(later, 1, 0, 0, "ok", null));
        return store;
    }

    [Fact]
    public void An_alert_whose_series_stayed_inside_its_band_for_the_configured_days_resolves_itself_and_says_so()
    {
        var store = TwoRuns(laterDays: 3);
        var ids = store.List().Select(a => a.Id).Order().ToList();
        store.SetStatus(ids[1], AlertStatus.Acknowledged);

        var (reopened, resolved) = new AlertLifecycle(_temp.Store) { AutoResolveDays = 3 }.Apply(Day.AddDays(3));

        Assert.Equal((0, 2), (reopened, resolved));
        Assert.All(store.List(), a => Assert.Equal((AlertStatus.Resolved, "auto"), (a.Status, a.Resolution)));
        Assert.All(store.List(), a => Assert.False(a.IsOpen(Day.AddDays(3))));
        var note = Assert.Single(new AlertComments(_temp.Store).List(ids[0]));
        Assert.Equal(AlertComments.System, note.Author);
        // Day + 3 minus Day: three days judged inside the band.
        Assert.StartsWith("Auto-resolved: back inside its band for 3 day(s) after 2026-10-20", note.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alert_with_fewer_quiet_days_than_configured_stays_open()
    {
        var store = TwoRuns(laterDays: 2);

        var (_, resolved) = new AlertLifecycle(_temp.Store) { AutoResolveDays = 3 }.Apply(Day.AddDays(2));

        Assert.Equal(0, resolved);
        Assert.All(store.List(), a => Assert.Equal(AlertStatus.New, a.Status));
        Assert.Equal(0, new AlertLifecycle(_temp.Store) { AutoResolveDays = 0 }.Apply(Day.AddDays(30)).AutoResolved);
    }

    [Fact]
    public void A_snooze_that_ended_turns_back_to_acknowledged_and_a_manual_resolve_is_noted_as_manual()
    {
        var store = TwoRuns(laterDays: 1);
        var ids = store.List().Select(a => a.Id).Order().ToList();
        store.SetStatus(ids[0], AlertStatus.Snoozed, Day.AddDays(5));
        store.SetStatus(ids[1], AlertStatus.Resolved);
        var lifecycle = new AlertLifecycle(_temp.Store) { AutoResolveDays = 0 };

        Assert.Equal(0, lifecycle.Apply(Day.AddDays(5)).Reopened);
        Assert.False(store.Get(ids[0]).IsOpen(Day.AddDays(5)));
        Assert.Equal(1, lifecycle.Apply(Day.AddDays(6)).Reopened);

        Assert.Equal(AlertStatus.Acknowledged, store.Get(ids[0]).Status);
        Assert.Contains("The snooze until 2026-10-25 ended", Assert.Single(new AlertComments(_temp.Store).List(ids[0])).Body, StringComparison.Ordinal);
        Assert.Equal("manual", store.Get(ids[1]).Resolution);
        Assert.NotNull(store.Get(ids[1]).ResolvedAt);
    }

    [Fact]
    public void Comments_form_a_thread_in_order_and_bad_ones_are_refused_naming_the_field()
    {
        var store = TwoRuns(laterDays: 1);
        var id = store.List()[0].Id;
        var comments = new AlertComments(_temp.Store);

        comments.Add(id, "mei", "  Looking at site A's calibration.  ");
        comments.Add(id, "ravi", "Confirmed: rubric change on the 19th.");

        Assert.Equal(["mei: Looking at site A's calibration.", "ravi: Confirmed: rubric change on the 19th."],
            comments.List(id).Select(c => $"{c.Author}: {c.Body}"));
        Assert.StartsWith("comment:", Assert.Throws<ModScopeException>(() => comments.Add(id, "mei", "   ")).Message, StringComparison.Ordinal);
        Assert.StartsWith("author:", Assert.Throws<ModScopeException>(() => comments.Add(id, " ", "text")).Message, StringComparison.Ordinal);
        Assert.Throws<NotFoundException>(() => comments.Add(999, "mei", "text"));
    }
}
