using ModScope.Common;
using ModScope.Monitor.Alerts;
using ModScope.Tests.Support;

namespace ModScope.Tests.Monitor.Alerts;

public sealed class AlertStoreTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 10, 20);
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private static AlertFinding Finding(string segment, DateOnly first, DateOnly last, AlertKind kind = AlertKind.Metric, string subject = "qa_accuracy") =>
        new(kind, subject, segment, first, last, AlertSeverity.Warning, -1, 0.7, "seasonal_robust_z", $"{subject} fell for {segment}");

    [Fact]
    public void An_ongoing_anomaly_found_again_the_next_day_updates_its_alert_instead_of_opening_another()
    {
        var store = new AlertStore(_temp.Store);
        var first = store.Upsert([Finding("site=A", Day, Day)], store.StartRun(Day), Day, Day);
        var second = store.Upsert([Finding("site=A", Day, Day.AddDays(1))], store.StartRun(Day.AddDays(1)), Day.AddDays(1), Day.AddDays(1));

        Assert.Equal((1, 0), first);
        Assert.Equal((0, 1), second);
        var alert = Assert.Single(store.List());
        Assert.Equal((Day, Day.AddDays(1)), (alert.Finding.FirstDay, alert.Finding.LastDay));
        Assert.Equal(AlertStatus.New, alert.Status);
    }

    [Fact]
    public void The_same_problem_on_consecutive_days_of_one_backfill_run_is_one_alert_spanning_them()
    {
        var store = new AlertStore(_temp.Store);
        var days = Enumerable.Range(0, 3).Select(i => Finding("site=A", Day.AddDays(i), Day.AddDays(i), AlertKind.Data, "volume:decisions")).Reverse().ToList();

        var (opened, updated) = store.Upsert([.. days, Finding("site=A", Day.AddDays(6), Day.AddDays(6), AlertKind.Data, "volume:decisions")],
            store.StartRun(Day.AddDays(6)), Day, Day.AddDays(6));

        Assert.Equal((2, 2), (opened, updated));
        var spans = store.List().Select(a => (a.Finding.FirstDay, a.Finding.LastDay)).Order().ToList();
        Assert.Equal([(Day, Day.AddDays(2)), (Day.AddDays(6), Day.AddDays(6))], spans);
    }

    [Fact]
    public void A_narrow_alert_held_by_a_broader_one_is_stored_suppressed_pointing_at_it()
    {
        var store = new AlertStore(_temp.Store);
        var broad = Finding("", Day, Day);
        var narrow = Finding("market=BR", Day, Day) with { SuppressedBy = broad };
        store.Upsert([narrow, broad], store.StartRun(Day), Day, Day);

        var alerts = store.List();
        var stored = alerts.Single(a => a.Finding.Segment == "market=BR");
        Assert.Equal(AlertStatus.Suppressed, stored.Status);
        Assert.Equal(alerts.Single(a => a.Finding.Segment == "").Id, stored.SuppressedBy);
    }

    [Fact]
    public void A_different_segment_or_a_later_separate_episode_opens_a_new_alert()
    {
        var store = new AlertStore(_temp.Store);
        store.Upsert([Finding("site=A", Day, Day), Finding("site=B", Day, Day)], store.StartRun(Day), Day, Day);
        store.Upsert([Finding("site=A", Day.AddDays(5), Day.AddDays(5))], store.StartRun(Day.AddDays(5)), Day.AddDays(5), Day.AddDays(5));

        Assert.Equal(3, store.List().Count);
    }

    [Fact]
    public void An_alert_a_later_run_no_longer_finds_in_its_window_is_resolved_and_marked_restated()
    {
        var store = new AlertStore(_temp.Store);
        store.Upsert([Finding("site=A", Day, Day)], store.StartRun(Day), Day, Day);
        store.Upsert([], store.StartRun(Day), Day.AddDays(-3), Day);

        var alert = Assert.Single(store.List());
        Assert.True(alert.Restated);
        Assert.Equal(AlertStatus.Resolved, alert.Status);
    }

    [Fact]
    public void A_metric_alert_explained_by_a_data_alert_is_stored_suppressed_and_points_at_it()
    {
        var store = new AlertStore(_temp.Store);
        var data = Finding("site=A", Day, Day, AlertKind.Data, "volume:decisions");
        var metric = Finding("site=A", Day, Day, subject: "decision_volume") with { SuppressedBy = data };
        store.Upsert([metric, data], store.StartRun(Day), Day, Day);

        var alerts = store.List();
        var dataAlert = Assert.Single(alerts, a => a.Finding.Kind == AlertKind.Data);
        var metricAlert = Assert.Single(alerts, a => a.Finding.Kind == AlertKind.Metric);
        Assert.Equal(AlertStatus.Suppressed, metricAlert.Status);
        Assert.Equal(dataAlert.Id, metricAlert.SuppressedBy);
        Assert.Equal(AlertStatus.New, dataAlert.Status);
    }

    [Fact]
    public void Lifecycle_and_labels_are_stored_and_new_normal_rebaselines_the_series_from_the_alert_start()
    {
        var store = new AlertStore(_temp.Store);
        store.Upsert([Finding("site=A", Day, Day), Finding("site=B", Day, Day), Finding("site=C", Day, Day)], store.StartRun(Day), Day, Day);
        var ids = store.List().Select(a => a.Id).ToList();

        store.SetStatus(ids[0], AlertStatus.Acknowledged);
        store.SetStatus(ids[1], AlertStatus.Snoozed, Day.AddDays(7));
        store.Label(ids[0], AlertLabel.ConfirmedIncident);
        store.Label(ids[1], AlertLabel.FalseAlarm);
        store.Label(ids[2], AlertLabel.NewNormal);

        Assert.Equal(AlertStatus.Acknowledged, store.Get(ids[0]).Status);
        Assert.Equal(Day.AddDays(7), store.Get(ids[1]).SnoozedUntil);
        Assert.True(store.Get(ids[1]).IsOpen(Day.AddDays(8)));
        Assert.False(store.Get(ids[1]).IsOpen(Day.AddDays(6)));
        Assert.Equal(Day, store.Rebaselines()[("qa_accuracy", "site=C")]);
        // Precision = (confirmed + new normal) / labelled = 2 / 3, counted by hand from the labels above.
        var accuracy = Assert.Single(store.Accuracy());
        Assert.Equal(2.0 / 3.0, accuracy.Precision!.Value, 12);
        Assert.Equal("alert 999 not found; 'modscope alerts' lists them.", Assert.Throws<NotFoundException>(() => store.Get(999)).Message);
    }

    [Fact]
    public void Every_run_is_recorded_with_its_counts_and_status()
    {
        var store = new AlertStore(_temp.Store);
        var run = store.StartRun(Day);
        store.FinishRun(run, new MonitorRunSummary(Day.AddDays(-1), 42, 3, 1, "ok", null));

        var row = Assert.Single(_temp.Rows("SELECT status, series_scanned, alerts_opened, alerts_updated, finished_at IS NOT NULL FROM monitor_runs"));
        Assert.Equal(["ok", 42, 3, 1, true], row);
    }

    [Theory]
    [InlineData("false_alarm", AlertLabel.FalseAlarm)]
    [InlineData("new-normal", AlertLabel.NewNormal)]
    [InlineData("ConfirmedIncident", AlertLabel.ConfirmedIncident)]
    public void Names_parse_in_snake_kebab_or_pascal_case(string text, AlertLabel expected) =>
        Assert.Equal(expected, AlertNames.Parse<AlertLabel>(text));
}
