using ModScope.Catalog;
using ModScope.Model;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Service;
using ModScope.Service.Subscriptions;

namespace ModScope.Tests.Service;

/// <summary>Alert digests: only new alerts passing the filter and not covered yet, worded in the subscription's language, with owners.</summary>
public sealed class AlertDigestTests
{
    private static readonly MetricCatalog Catalog = CatalogLoader.LoadDefault();
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public void A_digest_holds_the_new_matching_alerts_not_yet_covered_with_their_owner()
    {
        var config = OutboxTests.Config() with
        {
            Owners = [new Owner("kim", new AlertFilter(["qa_accuracy"], [], AlertSeverity.Warning), Sub("owner:kim", SubscriptionKind.AlertDigest, "en"))],
        };
        var alerts = new[]
        {
            Metric(1, "qa_accuracy", AlertSeverity.Warning, AlertStatus.New, "QA accuracy fell."),
            Metric(2, "appeal_rate", AlertSeverity.Critical, AlertStatus.New, "Appeal rate rose."),
            Metric(3, "qa_accuracy", AlertSeverity.Critical, AlertStatus.Acknowledged, "Seen already."),
            Metric(4, "qa_accuracy", AlertSeverity.Critical, AlertStatus.New, "Covered before."),
        };
        var digest = new AlertDigest(config);
        var renderer = new FindingRenderer(Catalog, ReferenceData.Shipped, "en");

        var entry = digest.Compose(Sub("all", SubscriptionKind.AlertDigest, "en"), alerts, new HashSet<string> { "alert:4:new:critical" }, renderer)!;

        Assert.Equal("ModScope: 2 new alert(s) for all", entry.Message.Subject);
        Assert.Equal("[critical] #2 Appeal rate rose.\n[warning] #1 QA accuracy fell. (owner: kim)", entry.Message.Text);
        Assert.Equal(["alert:1:new:warning", "alert:2:new:critical"], entry.Marks);
        Assert.StartsWith("all|alerts|", entry.Key, StringComparison.Ordinal);
        Assert.Equal(entry.Key, digest.Compose(Sub("all", SubscriptionKind.AlertDigest, "en"), alerts.Reverse(), new HashSet<string> { "alert:4:new:critical" }, renderer)!.Key);
        Assert.Null(digest.Compose(Sub("all", SubscriptionKind.AlertDigest, "en"), alerts, new HashSet<string>([.. entry.Marks, "alert:4:new:critical"]), renderer));
    }

    [Fact]
    public void A_data_health_digest_is_worded_in_chinese()
    {
        var failed = new Alert(9, new AlertFinding(AlertKind.Data, "delivery:hook", "", Day, Day, AlertSeverity.Critical, 1, 1, "delivery", "stored")
        {
            Facts = FindingFacts.Of("delivery.failed", ("channel", FindingFacts.Text("hook")), ("failures", FindingFacts.Count(3)), ("error", FindingFacts.Text("503"))),
        }, AlertStatus.New, null, false, null, null, DateTime.UnixEpoch);

        var entry = new AlertDigest(OutboxTests.Config()).Compose(Sub("health", SubscriptionKind.DataHealth, "zh-Hans"),
            [failed, Metric(1, "qa_accuracy", AlertSeverity.Critical, AlertStatus.New, "metric")], new HashSet<string>(), new FindingRenderer(Catalog, ReferenceData.Shipped, "zh-Hans"))!;

        Assert.Equal("ModScope：health 有 1 条数据健康告警", entry.Message.Subject);
        Assert.Equal("【严重】#9 发送渠道 hook 连续 3 次发送失败；最近的错误：503", entry.Message.Text);
    }

    private static Subscription Sub(string name, SubscriptionKind kind, string language) =>
        new(name, kind, OutboxTests.Config().Channels[0], [], language, null, AlertFilter.Everything, null);

    private static Alert Metric(long id, string metric, AlertSeverity severity, AlertStatus status, string message) =>
        new(id, new AlertFinding(AlertKind.Metric, metric, "market=ID", Day, Day, severity, -1, 3, "band", message), status, null, false, null, null, DateTime.UnixEpoch);
}
