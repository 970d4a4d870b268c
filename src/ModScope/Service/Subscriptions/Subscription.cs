using ModScope.Service.Channels;

namespace ModScope.Service.Subscriptions;

/// <summary>
/// One entry of <c>subscriptions</c> (or an owner's implied one): what is sent (<see cref="Kind"/>: a
/// <see cref="Report"/>, or the alerts passing <see cref="Filter"/>), in which language, to whom on which channel, and
/// when: on <see cref="Schedule"/>, or after each monitor run (<see cref="AfterMonitor"/>).
/// </summary>
/// <param name="Name">Its name; part of every idempotency key it makes, so renaming it starts its history afresh.</param>
/// <param name="Kind">Report, alert digest or data health.</param>
/// <param name="Channel">The channel it goes by.</param>
/// <param name="Recipients">E-mail addresses (an SMTP channel); empty for a webhook.</param>
/// <param name="Language"><c>en</c> or <c>zh-Hans</c>.</param>
/// <param name="Report">For a report: which one.</param>
/// <param name="Filter">For an alert digest: which alerts (data health: every data alert).</param>
/// <param name="Schedule">When it is sent, or null for after each monitor run.</param>
public sealed record Subscription(string Name, SubscriptionKind Kind, Channel Channel, IReadOnlyList<string> Recipients, string Language,
    ReportRule? Report, AlertFilter Filter, ScheduledJob? Schedule)
{
    /// <summary>Sent after each monitor run of the service (a load's or a schedule's) rather than on a schedule of its own.</summary>
    public bool AfterMonitor => Schedule is null;
}
