namespace ModScope.Service.Subscriptions;

/// <summary>
/// One entry of <c>owners</c>: who owns the alerts of some metrics and segments (<see cref="Filter"/>). The owner is
/// shown with each such alert, and <see cref="Delivery"/> (a subscription of its own, sent after each monitor run)
/// brings the owner each new one.
/// </summary>
/// <param name="Name">The owner, as shown (a person or a team).</param>
/// <param name="Filter">The metrics and segments owned.</param>
/// <param name="Delivery">How the owner gets them.</param>
public sealed record Owner(string Name, AlertFilter Filter, Subscription Delivery);
