using System.Globalization;
using Cronos;
using ModScope.Common;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ModScope.Service;

/// <summary>
/// Reads <c>modscope.yaml</c> into a <see cref="ServiceConfig"/>, collecting every problem with file, line and field
/// before it fails (<see cref="ServiceConfigException"/>). A relative landing folder is relative to the file.
/// </summary>
public static class ServiceConfigLoader
{
    /// <summary>The configuration's name beside a store.</summary>
    public const string FileName = "modscope.yaml";

    /// <summary>
    /// What a schedule runs: <c>monitor</c> (then the subscriptions sent after each monitor run), or <c>send</c> (only
    /// the subscriptions whose <c>when</c> names it). Either way the subscriptions naming the schedule are sent when it fires.
    /// </summary>
    private static readonly string[] Jobs = ["monitor", "send"];

    /// <summary>The configuration beside <paramref name="storePath"/> (<see cref="FileName"/> in its folder), or null when there is none.</summary>
    public static string? BesideStore(string storePath)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath)) ?? ".", FileName);
        return File.Exists(path) ? path : null;
    }

    public static ServiceConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ServiceConfigException($"Service configuration '{path}' does not exist.");
        }
        var file = Path.GetFullPath(path);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(File.ReadAllText(file)));
        }
        catch (YamlException ex)
        {
            throw new ServiceConfigException([new CatalogIssue(file, (int)ex.Start.Line, "(syntax)", ex.Message)]);
        }
        var issues = new List<CatalogIssue>();
        var reader = new YamlReader(file, issues);
        var root = yaml.Documents.Count == 0 ? null : reader.Mapping(yaml.Documents[0].RootNode, "(root)");
        if (root is null)
        {
            throw new ServiceConfigException(issues.Count > 0 ? issues : [new CatalogIssue(file, 1, "(root)", "the file is empty")]);
        }
        reader.OnlyKeys(root, "(root)", "watch", "schedules", "channels", "subscriptions", "owners", "delivery");
        var watch = reader.Child(root, "watch") is { } watchNode ? Watch(reader, watchNode, Path.GetDirectoryName(file)!) : null;
        var schedules = reader.Child(root, "schedules") is { } list ? Schedules(reader, list) : [];
        var channels = reader.Child(root, "channels") is { } channelNode ? ChannelsSection.Read(reader, channelNode) : [];
        var subscriptions = reader.Child(root, "subscriptions") is { } subNode ? SubscriptionsSection.Read(reader, subNode, channels, schedules) : [];
        var owners = reader.Child(root, "owners") is { } ownerNode ? SubscriptionsSection.Owners(reader, ownerNode, channels, schedules) : [];
        var delivery = reader.Child(root, "delivery") is { } deliveryNode ? SubscriptionsSection.Settings(reader, deliveryNode) : Outbox.DeliverySettings.Default;
        return issues.Count > 0 ? throw new ServiceConfigException(issues)
            : new ServiceConfig(file, watch, schedules) { Channels = channels, Subscriptions = subscriptions, Owners = owners, Delivery = delivery };
    }

    private static WatchSettings? Watch(YamlReader reader, YamlNode node, string baseFolder)
    {
        if (reader.Mapping(node, "watch") is not { } mapping)
        {
            return null;
        }
        reader.OnlyKeys(mapping, "watch", "folder", "ready", "stable_seconds", "monitor_after_load", "monitor_days");
        var folder = reader.Text(mapping, "folder", "watch");
        FileReadiness? ready = reader.OneOf(mapping, "ready", "watch", ["stable_size", "done_marker"], "stable_size") switch
        {
            "stable_size" => FileReadiness.StableSize,
            "done_marker" => FileReadiness.DoneMarker,
            _ => null,
        };
        var seconds = reader.Number(mapping, "stable_seconds", "watch", required: false) ?? 30;
        if (seconds is < 1 or > 86_400)
        {
            reader.Problem(reader.Child(mapping, "stable_seconds"), "watch.stable_seconds", $"must be from 1 to 86400, not {seconds.ToString(CultureInfo.InvariantCulture)}");
        }
        var monitor = Flag(reader, mapping, "monitor_after_load", "watch", true);
        var days = reader.Number(mapping, "monitor_days", "watch", required: false) ?? 7;
        if (days is < 1 or > 366 || days != Math.Floor(days))
        {
            reader.Problem(reader.Child(mapping, "monitor_days"), "watch.monitor_days", $"must be a whole number from 1 to 366, not {days.ToString(CultureInfo.InvariantCulture)}");
        }
        return folder is null || ready is null ? null
            : new WatchSettings(Path.GetFullPath(folder, baseFolder), ready.Value, TimeSpan.FromSeconds(seconds), monitor, (int)days);
    }

    private static List<ScheduledJob> Schedules(YamlReader reader, YamlNode node)
    {
        var jobs = new List<ScheduledJob>();
        if (node is not YamlSequenceNode sequence)
        {
            reader.Problem(node, "schedules", "expected a list of schedules (- name: …, cron: …, time_zone: …, job: monitor or send)");
            return jobs;
        }
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var field = $"schedules[{i}]";
            if (reader.Mapping(sequence.Children[i], field) is not { } entry)
            {
                continue;
            }
            reader.OnlyKeys(entry, field, "name", "cron", "time_zone", "job");
            var name = reader.Text(entry, "name", field);
            var cron = Cron(reader, entry, field);
            var zone = Zone(reader, entry, field);
            var job = reader.Text(entry, "job", field);
            if (job is not null && !Jobs.Contains(job))
            {
                reader.Problem(reader.Child(entry, "job"), $"{field}.job", $"'{job}' is not one of {string.Join(", ", Jobs)}{NearMatch.Suggest(job, Jobs)}");
            }
            else if (name is not null && cron is not null && zone is not null && job is not null)
            {
                jobs.Add(new ScheduledJob(name, cron, zone, job));
            }
        }
        return jobs;
    }

    private static CronExpression? Cron(YamlReader reader, YamlMappingNode entry, string field)
    {
        var text = reader.Text(entry, "cron", field);
        if (text is null)
        {
            return null;
        }
        try
        {
            return CronExpression.Parse(text, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            reader.Problem(reader.Child(entry, "cron"), $"{field}.cron", $"'{text}' is not a cron expression: {ex.Message}");
            return null;
        }
    }

    private static TimeZoneInfo? Zone(YamlReader reader, YamlMappingNode entry, string field)
    {
        var text = reader.Text(entry, "time_zone", field, required: false) ?? "UTC";
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(text);
        }
        catch (TimeZoneNotFoundException)
        {
            reader.Problem(reader.Child(entry, "time_zone"), $"{field}.time_zone", $"'{text}' is not a time zone; use an IANA name such as Asia/Singapore or UTC");
            return null;
        }
    }

    private static bool Flag(YamlReader reader, YamlMappingNode mapping, string key, string field, bool fallback)
    {
        var text = reader.Text(mapping, key, field, required: false);
        if (text is null)
        {
            return fallback;
        }
        if (bool.TryParse(text, out var value))
        {
            return value;
        }
        reader.Problem(reader.Child(mapping, key), $"{field}.{key}", $"'{text}' is not true or false");
        return fallback;
    }
}
