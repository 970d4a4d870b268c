namespace ModScope.Service.Outbox;

/// <summary>A delivery's state: waiting to be sent (first time or retry), sent, or given up after its last attempt.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}
