using ModScope.Monitor.Alerts;
using ModScope.Service;
using ModScope.Service.Channels;
using ModScope.Service.Subscriptions;

namespace ModScope.Tests.Service;

/// <summary><c>channels</c>, <c>subscriptions</c>, <c>owners</c> and <c>delivery</c> of <c>modscope.yaml</c>.</summary>
public sealed class DeliveryConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("modscope-delivery-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Channels_subscriptions_owners_and_retries_are_read_whole()
    {
        var config = ServiceConfigLoader.Load(Write("""
            schedules:
              - {name: monday, cron: "0 8 * * 1", time_zone: Asia/Singapore, job: send}
            channels:
              mail: {type: smtp, host: smtp.example.com, port: 587, from: modscope@example.com, tls: starttls, user_env: SMTP_USER, password_env: SMTP_PASSWORD}
              ops: {type: webhook, url: "https://hooks.example.com/ms", secret_env: HOOK_SECRET, shape: slack}
            subscriptions:
              - name: sea weekly
                channel: mail
                to: [sea-lead@example.com]
                language: zh-Hans
                report: {audience: regional, region: SEA, format: pdf, period: last-week}
                when: monday
              - name: critical quality
                channel: ops
                alerts: {metrics: [qa_accuracy], segments: ["region=SEA"], severity: critical}
              - name: data health
                channel: ops
                data_health: {}
            owners:
              - {owner: kim, metrics: [appeal_overturn_rate], channel: mail, to: kim@example.com}
            delivery: {max_attempts: 4, first_retry_seconds: 10, channel_alert_after: 2}
            """));

        Assert.Equal(new SmtpSettings("smtp.example.com", 587, "modscope@example.com", SmtpTls.StartTls, "SMTP_USER", "SMTP_PASSWORD"), config.Channel("mail")!.Smtp);
        Assert.Equal(new WebhookSettings(new Uri("https://hooks.example.com/ms"), "HOOK_SECRET", PayloadShape.Slack), config.Channel("ops")!.Webhook);
        var report = config.Subscriptions[0];
        Assert.Equal((SubscriptionKind.Report, "zh-Hans", false, "monday"), (report.Kind, report.Language, report.AfterMonitor, report.Schedule!.Name));
        Assert.Equal(new ReportRule("regional", "SEA", null, "pdf", "last-week"), report.Report);
        Assert.Equal(["sea-lead@example.com"], report.Recipients);
        var digest = config.Subscriptions[1];
        Assert.Equal((SubscriptionKind.AlertDigest, true, AlertSeverity.Critical), (digest.Kind, digest.AfterMonitor, digest.Filter.MinimumSeverity));
        Assert.Equal(SubscriptionKind.DataHealth, config.Subscriptions[2].Kind);
        var owner = Assert.Single(config.Owners);
        Assert.Equal(("kim", "owner:kim", "mail"), (owner.Name, owner.Delivery.Name, owner.Delivery.Channel.Name));
        Assert.Equal(4, config.AllSubscriptions.Count());
        Assert.Equal((4, TimeSpan.FromSeconds(10), 2), (config.Delivery.MaxAttempts, config.Delivery.FirstRetry, config.Delivery.ChannelAlertAfter));
    }

    [Fact]
    public void A_report_on_a_webhook_and_an_email_without_addresses_are_refused_with_their_lines()
    {
        var path = Write("""
            channels:
              ops: {type: webhook, url: "http://127.0.0.1:9/x"}
              bad: {type: webhook, url: "ftp://x"}
              mail: {type: smtp, host: h, from: a@b.c, user_env: "MY-VAR"}
            subscriptions:
              - {name: r, channel: ops, report: {audience: exec}}
              - {name: d, channel: mail, alerts: {severity: fatal}}
              - {name: two, channel: mail, to: a@b.c, alerts: {}, data_health: {}}
            """);

        var error = Assert.Throws<ServiceConfigException>(() => ServiceConfigLoader.Load(path));

        var found = error.Issues.Select(i => (i.Line, i.Field)).Order().ToList();
        Assert.Equal([(3, "channels.bad.url"), (4, "channels.mail.user_env"), (6, "subscriptions[0].channel"),
            (7, "subscriptions[1].alerts.severity"), (7, "subscriptions[1].to"), (8, "subscriptions[2]")], found);
        Assert.Contains("never goes in this file", error.Issues.Single(i => i.Field == "channels.mail.user_env").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("market=ID;decided_by=human", "qa_accuracy", AlertSeverity.Warning, true)]
    [InlineData("market=ID", "qa_accuracy", AlertSeverity.Warning, false)]
    [InlineData("region=SEA;market=ID;decided_by=human", "qa_accuracy", AlertSeverity.Critical, true)]
    [InlineData("market=ID;decided_by=human", "appeal_rate", AlertSeverity.Critical, false)]
    public void An_alert_filter_matches_metric_segment_pairs_and_severity(string segment, string metric, AlertSeverity severity, bool expected)
    {
        var filter = new AlertFilter(["qa_accuracy"], ["decided_by=human;market=ID", "region=XX"], AlertSeverity.Warning);
        var finding = new AlertFinding(AlertKind.Metric, metric, segment, new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 2), severity, 1, 1, "d", "m");

        Assert.Equal(expected, filter.Matches(finding));
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_dir, ServiceConfigLoader.FileName);
        File.WriteAllText(path, yaml);
        return path;
    }
}
