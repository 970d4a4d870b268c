using ModScope.Monitor.Alerts;
using ModScope.Service;
using ModScope.Service.Channels;
using ModScope.Service.Outbox;
using ModScope.Tests.Support;

namespace ModScope.Tests.Service;

/// <summary>The outbox: one delivery per idempotency key, retries with exponential backoff, giving up, and a failing channel's data-health alert.</summary>
public sealed class OutboxTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_key_written_twice_is_one_delivery_with_its_marks()
    {
        var outbox = new OutboxStore(_temp.Store);
        var entry = Entry("weekly|report|2026-11-23..2026-11-29") with { Marks = ["alert:1:new:critical"] };

        Assert.True(outbox.Enqueue(entry, Start));
        Assert.False(outbox.Enqueue(entry with { Message = new Message("other", "other", "{}") }, Start.AddHours(1)));

        var item = Assert.Single(outbox.List());
        Assert.Equal((OutboxStatus.Pending, 0, "subject"), (item.Status, item.Attempts, item.Message.Subject));
        Assert.Equal(["alert:1:new:critical"], outbox.Marks("weekly"));
        Assert.Equal([1, 2, 3], Assert.Single(outbox.Due(Start)).Message.Attachment);
    }

    [Fact]
    public async Task A_failing_send_is_retried_after_doubling_waits_then_given_up_with_an_alert_that_a_success_resolves()
    {
        var clock = new ManualClock(Start);
        var sender = new FlakySender { Failures = 3 };
        var config = Config() with { Delivery = new DeliverySettings(3, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), 2) };
        var outbox = new OutboxSender(_temp.Store, config, sender, clock);
        new OutboxStore(_temp.Store).Enqueue(Entry("k1"), Start);

        var rounds = new List<(int Sent, OutboxStatus Status, int Attempts, DateTime Next)>();
        foreach (var wait in new[] { 0, 9, 1, 20 })
        {
            clock.Now = clock.Now.AddSeconds(wait);
            var sent = await outbox.SendDueAsync(CancellationToken.None);
            var item = Assert.Single(new OutboxStore(_temp.Store).List());
            rounds.Add((sent, item.Status, item.Attempts, item.NextAttemptAt));
        }

        // Attempt 1 at 0 s fails: retry 10 s later. At 9 s nothing is due. Attempt 2 at 10 s fails: retry 20 s later (10 × 2).
        // Attempt 3 at 30 s fails and was the last of 3: given up.
        Assert.Equal([(0, OutboxStatus.Pending, 1, Start.AddSeconds(10)), (0, OutboxStatus.Pending, 1, Start.AddSeconds(10)),
            (0, OutboxStatus.Pending, 2, Start.AddSeconds(30)), (0, OutboxStatus.Failed, 3, Start.AddSeconds(30))], rounds);
        Assert.Equal(3, sender.Calls);
        var alert = Assert.Single(new AlertStore(_temp.Store).List(kind: AlertKind.Data));
        Assert.Equal(("delivery:hook", AlertStatus.New, AlertSeverity.Critical, 3.0), (alert.Finding.Subject, alert.Status, alert.Finding.Severity, alert.Finding.Value));
        Assert.Contains("failed 3 times in a row", alert.Finding.Message, StringComparison.Ordinal);

        new OutboxStore(_temp.Store).Enqueue(Entry("k2"), clock.Now);
        Assert.Equal(1, await outbox.SendDueAsync(CancellationToken.None));
        Assert.Equal(AlertStatus.Resolved, new AlertStore(_temp.Store).Get(alert.Id).Status);
    }

    [Fact]
    public async Task A_channels_failures_in_a_row_are_counted_across_restarts_and_start_again_after_a_success()
    {
        var clock = new ManualClock(Start);
        var sender = new FlakySender { Down = true };
        var config = Config() with { Delivery = new DeliverySettings(6, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), 3) };
        var store = new OutboxStore(_temp.Store);
        store.Enqueue(Entry("k1"), Start);

        // Each round by a new sender, as after a restart: attempts at 0 s, 10 s (0 + 10) and 30 s (10 + 20) fail.
        foreach (var at in new[] { 0, 10, 30 })
        {
            clock.Now = Start.AddSeconds(at);
            await new OutboxSender(_temp.Store, config, sender, clock).SendDueAsync(CancellationToken.None);
        }

        var alert = Assert.Single(new AlertStore(_temp.Store).List(kind: AlertKind.Data));
        Assert.Equal((AlertStatus.New, 3.0), (alert.Status, alert.Finding.Value));
        Assert.Equal(3, store.FailuresInRow("hook", config.Delivery));

        // At 31 s another delivery goes: the alert resolves. At 70 s (30 + 40) k1's fourth attempt fails: one in a row since
        // the success, as its third (at most 70 - 40 = 30 s) came before it.
        sender.Down = false;
        clock.Now = Start.AddSeconds(31);
        store.Enqueue(Entry("k2"), clock.Now);
        Assert.Equal(1, await new OutboxSender(_temp.Store, config, sender, clock).SendDueAsync(CancellationToken.None));
        sender.Down = true;
        clock.Now = Start.AddSeconds(70);
        await new OutboxSender(_temp.Store, config, sender, clock).SendDueAsync(CancellationToken.None);

        Assert.Equal(1, store.FailuresInRow("hook", config.Delivery));
        Assert.Equal(AlertStatus.Resolved, Assert.Single(new AlertStore(_temp.Store).List(kind: AlertKind.Data)).Status);
        Assert.Equal(5, sender.Calls);
    }

    [Fact]
    public void Backoff_doubles_from_the_first_wait_up_to_the_cap()
    {
        var settings = new DeliverySettings(10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), 3);

        Assert.Equal([30, 60, 120, 240, 300, 300], Enumerable.Range(1, 6).Select(a => settings.WaitAfter(a).TotalSeconds));
    }

    internal static ServiceConfig Config() => new("modscope.yaml", null, [])
    {
        Channels = [new Channel("hook", ChannelKind.Webhook, null, new WebhookSettings(new Uri("http://127.0.0.1:9/"), null, PayloadShape.Plain))],
    };

    private static OutboxEntry Entry(string key) =>
        new(key, "weekly", "hook", [], new Message("subject", "text", "{}", "r.bin", [1, 2, 3]), []);

    private sealed class FlakySender : IChannelSender
    {
        public int Failures { get; init; }

        /// <summary>While set, every send fails.</summary>
        public bool Down { get; set; }

        public int Calls { get; private set; }

        public Task SendAsync(Channel channel, OutboxItem item, CancellationToken cancellationToken)
        {
            Calls++;
            return Calls <= Failures || Down ? throw new DeliveryException("receiver answered 503") : Task.CompletedTask;
        }
    }

    private sealed class ManualClock(DateTime now) : TimeProvider
    {
        public DateTime Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);
    }
}
