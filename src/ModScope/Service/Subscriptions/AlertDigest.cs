using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Service.Outbox;

namespace ModScope.Service.Subscriptions;

/// <summary>
/// An alert digest (or data-health, or an owner's) for a subscription: the new alerts it has not covered yet, each as
/// the <see cref="FindingRenderer"/> words it in the subscription's language, with its owner. Each alert is covered
/// once per state (<c>alert:ID:STATUS:SEVERITY</c>): a warning that turns critical is sent again, an alert already sent
/// is not. The idempotency key is the subscription and a hash of the marks, so writing the same digest twice (a job
/// re-run after a crash) writes it once.
/// </summary>
public sealed class AlertDigest(ServiceConfig config)
{
    /// <summary>The digest of <paramref name="alerts"/> for <paramref name="subscription"/>, or null when nothing new passes its filter.</summary>
    public OutboxEntry? Compose(Subscription subscription, IEnumerable<Alert> alerts, IReadOnlySet<string> covered, FindingRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(renderer);
        var kind = subscription.Kind == SubscriptionKind.DataHealth ? AlertKind.Data : AlertKind.Metric;
        var chosen = alerts.Where(a => a.Status == AlertStatus.New && a.Finding.Kind == kind && subscription.Filter.Matches(a.Finding))
            .Select(a => (Alert: a, Mark: Mark(a))).Where(a => !covered.Contains(a.Mark))
            .OrderByDescending(a => a.Alert.Finding.Severity).ThenBy(a => a.Alert.Id).ToList();
        if (chosen.Count == 0)
        {
            return null;
        }
        var lines = new List<string>();
        var items = new List<object>();
        foreach (var (alert, _) in chosen)
        {
            var f = alert.Finding;
            var text = renderer.Render(f.Facts, f.Message, alert.Restated);
            var owner = config.OwnerOf(f)?.Name;
            var severity = renderer.Say("severity." + AlertStore.Name(f.Severity));
            lines.Add(renderer.Say("digest.line", ("severity", FindingFacts.Text(severity)), ("id", FindingFacts.Text(alert.Id.ToString(CultureInfo.InvariantCulture))), ("text", FindingFacts.Text(text)))
                + (owner is null ? "" : renderer.Say("digest.owner", ("owner", FindingFacts.Text(owner)))));
            items.Add(new
            {
                id = alert.Id, kind = AlertStore.Name(f.Kind), subject = f.Subject, segment = f.Segment, segment_name = renderer.Segment(f.Segment),
                severity = AlertStore.Name(f.Severity), status = AlertStore.Name(alert.Status), first_day = f.FirstDay, last_day = f.LastDay,
                value = f.Value, expected = f.Expected, text, owner,
            });
        }
        var subject = renderer.Say(kind == AlertKind.Data ? "digest.health_subject" : "digest.subject",
            ("count", FindingFacts.Count(chosen.Count)), ("name", FindingFacts.Text(subscription.Name)));
        var marks = chosen.Select(c => c.Mark).Order(StringComparer.Ordinal).ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', marks))))[..16];
        var json = JsonSerializer.Serialize(new { language = renderer.Language, alerts = items });
        return new OutboxEntry($"{subscription.Name}|alerts|{hash}", subscription.Name, subscription.Channel.Name, subscription.Recipients,
            new Message(subject, string.Join('\n', lines), json), marks);
    }

    /// <summary>An alert in its present state, as a digest covers it.</summary>
    public static string Mark(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return $"alert:{alert.Id.ToString(CultureInfo.InvariantCulture)}:{AlertStore.Name(alert.Status)}:{AlertStore.Name(alert.Finding.Severity)}";
    }
}
