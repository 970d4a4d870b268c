using ModScope.Service.Channels;
using ModScope.Service.Outbox;
using ModScope.Service.Subscriptions;

namespace ModScope.Service;

/// <summary>
/// What <c>modscope serve</c> does unattended, from <c>modscope.yaml</c> beside the store or <c>serve --config FILE</c>
/// (<see cref="ServiceConfigLoader"/>): load files as they land, run jobs on schedules, and deliver reports and alerts.
/// </summary>
/// <param name="File">The configuration file read.</param>
/// <param name="Watch">The landing folder, or null when none is watched.</param>
/// <param name="Schedules">Jobs on cron schedules.</param>
public sealed record ServiceConfig(string File, WatchSettings? Watch, IReadOnlyList<ScheduledJob> Schedules)
{
    /// <summary>The channels by name.</summary>
    public IReadOnlyList<Channel> Channels { get; init; } = [];

    /// <summary>Who gets what, when.</summary>
    public IReadOnlyList<Subscription> Subscriptions { get; init; } = [];

    /// <summary>Owners of metrics and segments, in the file's order (the first that matches an alert owns it).</summary>
    public IReadOnlyList<Owner> Owners { get; init; } = [];

    /// <summary>Retries, backoff and the channel-failure alert.</summary>
    public DeliverySettings Delivery { get; init; } = DeliverySettings.Default;

    /// <summary>The subscriptions and the owners' deliveries together: everything the outbox is filled from.</summary>
    public IEnumerable<Subscription> AllSubscriptions => Subscriptions.Concat(Owners.Select(o => o.Delivery));

    /// <summary>The owner of <paramref name="finding"/>: the first entry of <c>owners</c> matching it, or null.</summary>
    public Owner? OwnerOf(Monitor.Alerts.AlertFinding finding) => Owners.FirstOrDefault(o => o.Filter.Matches(finding));

    /// <summary>The channel named <paramref name="name"/>, or null.</summary>
    public Channel? Channel(string name) => Channels.FirstOrDefault(c => c.Name == name);
}
