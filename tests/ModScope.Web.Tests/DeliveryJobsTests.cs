using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModScope.Monitor.Alerts;
using ModScope.Service;
using ModScope.Service.Channels;
using ModScope.Service.Outbox;
using ModScope.Service.Subscriptions;
using ModScope.Web.Service;

namespace ModScope.Web.Tests;

/// <summary>
/// What the server writes into the outbox for a subscription: the zh-Hans SEA regional report, built by the report
/// writer and attached, once per period; an alert digest of the store's new alerts, once per alert state.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DeliveryJobsTests(DashboardStore store) : IDisposable
{
    private readonly DashboardFactory _factory = new(store);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_regional_report_is_written_once_per_period_and_a_digest_once_per_alert_state()
    {
        var dashboard = _factory.Services.GetRequiredService<Dashboard>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var mail = new Channel("mail", ChannelKind.Smtp, new SmtpSettings("127.0.0.1", 25, "m@example.com", SmtpTls.None, null, null), null);
        var report = new Subscription("sea-" + run, SubscriptionKind.Report, mail, ["sea@example.com"], "zh-Hans",
            new ReportRule("regional", "SEA", null, "html", "last-week"), AlertFilter.Everything, null);
        var digest = new Subscription("digest-" + run, SubscriptionKind.AlertDigest, mail, ["ops@example.com"], "en", null, AlertFilter.Everything, null);
        var config = new ServiceConfig("modscope.yaml", null, []) { Channels = [mail], Subscriptions = [report, digest] };
        var jobs = new DeliveryJobs(config, dashboard, TimeProvider.System, NullLogger.Instance);

        var first = await jobs.EnqueueAsync([report, digest], CancellationToken.None);
        var again = await jobs.EnqueueAsync([report, digest], CancellationToken.None);

        var rows = new OutboxStore(dashboard.Store).List(limit: 1000).Where(r => r.Subscription.EndsWith(run, StringComparison.Ordinal)).ToList();
        var newAlerts = dashboard.Alerts.List(AlertStatus.New, AlertKind.Metric).Count;
        Assert.Equal((newAlerts > 0 ? 2 : 1, 0), (first, again));
        var sent = rows.Single(r => r.Subscription == report.Name);
        var week = PeriodText(dashboard);
        Assert.Equal($"{report.Name}|report|{week}", sent.Key);
        var attached = new OutboxStore(dashboard.Store).Due(DateTime.UtcNow.AddMinutes(1), 1000).Single(r => r.Id == sent.Id).Message;
        Assert.EndsWith(".html", attached.AttachmentName, StringComparison.Ordinal);
        var html = Encoding.UTF8.GetString(attached.Attachment!);
        Assert.Contains("<html lang=\"zh-Hans\">", html, StringComparison.Ordinal);
        Assert.Matches("区域经营分析：[^<]*东南亚", html);
        Assert.StartsWith("ModScope 报告", sent.Message.Subject, StringComparison.Ordinal);
        if (newAlerts > 0)
        {
            Assert.Equal(newAlerts, new OutboxStore(dashboard.Store).Marks(digest.Name).Count);
        }
    }

    /// <summary>The last full ISO week before the day after the data's newest decision, by hand: back to Monday, then one week.</summary>
    private static string PeriodText(Dashboard dashboard)
    {
        var after = DateOnly.FromDateTime(dashboard.DataNow());
        var monday = after.AddDays(-(((int)after.DayOfWeek + 6) % 7)).AddDays(-7);
        return $"{monday:yyyy-MM-dd}..{monday.AddDays(6):yyyy-MM-dd}";
    }
}
