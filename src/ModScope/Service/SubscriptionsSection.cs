using System.Globalization;
using ModScope.Common;
using ModScope.Monitor.Alerts;
using ModScope.Service.Channels;
using ModScope.Service.Outbox;
using ModScope.Service.Subscriptions;
using YamlDotNet.RepresentationModel;

namespace ModScope.Service;

/// <summary>
/// Reads <c>subscriptions</c> (each one of <c>report</c>, <c>alerts</c> or <c>data_health</c>; a channel; <c>to</c> for
/// e-mail; a language; <c>when</c>: a schedule's name or <c>after_monitor</c>), <c>owners</c> and <c>delivery</c>,
/// checking every name against the channels and schedules read before.
/// </summary>
internal static class SubscriptionsSection
{
    public const string AfterMonitor = "after_monitor";

    private static readonly string[] Audiences = ["exec", "regional", "quality"];
    private static readonly string[] Formats = ["html", "md", "pdf", "xlsx"];
    private static readonly string[] What = ["report", "alerts", "data_health"];

    public static List<Subscription> Read(YamlReader reader, YamlNode node, IReadOnlyList<Channel> channels, IReadOnlyList<ScheduledJob> schedules)
    {
        var list = new List<Subscription>();
        foreach (var (entry, field) in Entries(reader, node, "subscriptions"))
        {
            reader.OnlyKeys(entry, field, "name", "channel", "to", "language", "when", "report", "alerts", "data_health");
            var name = reader.Text(entry, "name", field);
            var kinds = What.Where(k => reader.Child(entry, k) is not null).ToList();
            if (kinds.Count != 1)
            {
                reader.Problem(entry, field, $"give exactly one of report, alerts, data_health (found {(kinds.Count == 0 ? "none" : string.Join(", ", kinds))})");
            }
            var report = reader.Child(entry, "report") is { } r ? Report(reader, r, $"{field}.report") : null;
            var filter = reader.Child(entry, "alerts") is { } a && reader.Mapping(a, $"{field}.alerts") is { } am ? Filter(reader, am, $"{field}.alerts", ["metrics", "segments", "severity"]) : AlertFilter.Everything;
            var kind = kinds.Count != 1 ? (SubscriptionKind?)null : kinds[0] switch { "report" => SubscriptionKind.Report, "alerts" => SubscriptionKind.AlertDigest, _ => SubscriptionKind.DataHealth };
            var delivery = Delivery(reader, entry, field, channels, schedules);
            if (delivery is { } d && kind == SubscriptionKind.Report && d.Channel.Kind != ChannelKind.Smtp)
            {
                reader.Problem(reader.Child(entry, "channel"), $"{field}.channel", $"a report is sent as an e-mail attachment; '{d.Channel.Name}' is a webhook channel");
            }
            if (name is not null && kind is not null && delivery is { } ok && (kind != SubscriptionKind.Report || report is not null))
            {
                list.Add(new Subscription(name, kind.Value, ok.Channel, ok.To, ok.Language, report, filter, ok.Schedule));
            }
        }
        foreach (var twice in list.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            reader.Problem(node, "subscriptions", $"the name '{twice.Key}' is used {twice.Count()} times; a name keys what was sent, so it must be unique");
        }
        return list;
    }

    public static List<Owner> Owners(YamlReader reader, YamlNode node, IReadOnlyList<Channel> channels, IReadOnlyList<ScheduledJob> schedules)
    {
        var list = new List<Owner>();
        foreach (var (entry, field) in Entries(reader, node, "owners"))
        {
            reader.OnlyKeys(entry, field, "owner", "metrics", "segments", "severity", "channel", "to", "language");
            var name = reader.Text(entry, "owner", field);
            var filter = Filter(reader, entry, field, ["owner", "metrics", "segments", "severity", "channel", "to", "language"]);
            if (filter.Metrics.Count == 0 && filter.Segments.Count == 0)
            {
                reader.Problem(entry, $"{field}.metrics", "an owner owns some metrics or segments: give metrics, segments or both");
            }
            if (name is not null && Delivery(reader, entry, field, channels, schedules, ownerEntry: true) is { } d)
            {
                list.Add(new Owner(name, filter, new Subscription("owner:" + name, SubscriptionKind.AlertDigest, d.Channel, d.To, d.Language, null, filter, null)));
            }
        }
        return list;
    }

    public static DeliverySettings Settings(YamlReader reader, YamlNode node)
    {
        if (reader.Mapping(node, "delivery") is not { } m)
        {
            return DeliverySettings.Default;
        }
        reader.OnlyKeys(m, "delivery", "max_attempts", "first_retry_seconds", "max_wait_seconds", "channel_alert_after");
        var d = DeliverySettings.Default;
        int Whole(string key, int fallback, int max)
        {
            var value = reader.Number(m, key, "delivery", required: false) ?? fallback;
            if (value < 1 || value > max || value != Math.Floor(value))
            {
                reader.Problem(reader.Child(m, key), $"delivery.{key}", $"must be a whole number from 1 to {max}, not {value.ToString(CultureInfo.InvariantCulture)}");
                return fallback;
            }
            return (int)value;
        }
        return new DeliverySettings(Whole("max_attempts", d.MaxAttempts, 100), TimeSpan.FromSeconds(Whole("first_retry_seconds", (int)d.FirstRetry.TotalSeconds, 86_400)),
            TimeSpan.FromSeconds(Whole("max_wait_seconds", (int)d.MaxWait.TotalSeconds, 604_800)), Whole("channel_alert_after", d.ChannelAlertAfter, 100));
    }

    private static IEnumerable<(YamlMappingNode Entry, string Field)> Entries(YamlReader reader, YamlNode node, string section)
    {
        if (node is not YamlSequenceNode sequence)
        {
            reader.Problem(node, section, "expected a list (- name: …)");
            yield break;
        }
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (reader.Mapping(sequence.Children[i], $"{section}[{i}]") is { } entry)
            {
                yield return (entry, $"{section}[{i}]");
            }
        }
    }

    private static ReportRule? Report(YamlReader reader, YamlNode node, string field)
    {
        if (reader.Mapping(node, field) is not { } m)
        {
            return null;
        }
        reader.OnlyKeys(m, field, "audience", "region", "market", "format", "period");
        var audience = reader.OneOf(m, "audience", field, Audiences, "exec");
        var (region, market) = (reader.Text(m, "region", field, required: false), reader.Text(m, "market", field, required: false));
        if (region is not null && market is not null)
        {
            reader.Problem(reader.Child(m, "market"), $"{field}.market", "give region or market, not both");
        }
        if (audience == "regional" && region is null && market is null)
        {
            reader.Problem(m, $"{field}.region", "a regional report needs region (e.g. SEA) or market (e.g. ID)");
        }
        var format = reader.OneOf(m, "format", field, Formats, "pdf");
        var period = reader.Text(m, "period", field, required: false) ?? "last-week";
        try
        {
            _ = Query.PeriodParser.Parse(period, "UTC", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        }
        catch (FormatException ex)
        {
            reader.Problem(reader.Child(m, "period"), $"{field}.period", ex.Message);
        }
        return audience is null || format is null ? null : new ReportRule(audience, region, market, format, period);
    }

    private static AlertFilter Filter(YamlReader reader, YamlMappingNode m, string field, string[] keys)
    {
        if (!keys.Contains("owner"))
        {
            reader.OnlyKeys(m, field, keys);
        }
        var metrics = reader.Child(m, "metrics") is { } mn ? reader.TextList(mn, $"{field}.metrics") : [];
        var segments = reader.Child(m, "segments") is { } sn ? reader.TextList(sn, $"{field}.segments") : [];
        foreach (var bad in segments.Where(s => s.Split(';').Any(p => !p.Contains('=', StringComparison.Ordinal))))
        {
            reader.Problem(reader.Child(m, "segments"), $"{field}.segments", $"'{bad}' is not a segment; write dimension=value pairs joined by ';' (region=SEA;decided_by=human)");
        }
        var severity = reader.OneOf(m, "severity", field, ["warning", "critical"], "warning");
        return new AlertFilter(metrics, segments, severity == "critical" ? AlertSeverity.Critical : AlertSeverity.Warning);
    }

    private static (Channel Channel, IReadOnlyList<string> To, string Language, ScheduledJob? Schedule)? Delivery(YamlReader reader, YamlMappingNode entry, string field,
        IReadOnlyList<Channel> channels, IReadOnlyList<ScheduledJob> schedules, bool ownerEntry = false)
    {
        var channelName = reader.Text(entry, "channel", field);
        var channel = channels.FirstOrDefault(c => c.Name == channelName);
        if (channelName is not null && channel is null)
        {
            reader.Problem(reader.Child(entry, "channel"), $"{field}.channel", $"no channel is named '{channelName}'{NearMatch.Suggest(channelName, channels.Select(c => c.Name).ToList())}");
        }
        var to = reader.Child(entry, "to") is { } toNode ? reader.TextList(toNode, $"{field}.to") : [];
        foreach (var bad in to.Where(t => !t.Contains('@', StringComparison.Ordinal) || !MimeKit.MailboxAddress.TryParse(t, out _)))
        {
            reader.Problem(reader.Child(entry, "to"), $"{field}.to", $"'{bad}' is not an e-mail address");
        }
        if (channel?.Kind == ChannelKind.Smtp && to.Count == 0)
        {
            reader.Problem(entry, $"{field}.to", $"'{channel.Name}' sends e-mail: give the addresses in to");
        }
        var language = reader.OneOf(entry, "language", field, ["en", "zh-Hans"], "en");
        ScheduledJob? schedule = null;
        var when = ownerEntry ? AfterMonitor : reader.Text(entry, "when", field, required: false) ?? AfterMonitor;
        if (when != AfterMonitor)
        {
            schedule = schedules.FirstOrDefault(s => s.Name == when);
            if (schedule is null)
            {
                reader.Problem(reader.Child(entry, "when"), $"{field}.when", $"'{when}' is neither {AfterMonitor} nor a schedule's name{NearMatch.Suggest(when, [AfterMonitor, .. schedules.Select(s => s.Name)])}");
                return null;
            }
        }
        return channel is null || language is null ? null : (channel, to, language, schedule);
    }
}
