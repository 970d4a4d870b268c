namespace ModScope.Service.Subscriptions;

/// <summary>What a subscription delivers: a business-review report, a digest of metric alerts, or data-health (data) alerts.</summary>
public enum SubscriptionKind
{
    Report,
    AlertDigest,
    DataHealth,
}
