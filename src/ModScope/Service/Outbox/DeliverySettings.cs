namespace ModScope.Service.Outbox;

/// <summary>
/// The <c>delivery</c> section: how often a failed send is tried (<see cref="MaxAttempts"/>, then it gives up), the
/// wait before the first retry (doubled after each failure, at most <see cref="MaxWait"/>), and after how many failures
/// in a row a channel opens a data-health alert.
/// </summary>
public sealed record DeliverySettings(int MaxAttempts, TimeSpan FirstRetry, TimeSpan MaxWait, int ChannelAlertAfter)
{
    public static DeliverySettings Default { get; } = new(6, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 3);

    /// <summary>
    /// How long to wait after failed attempt number <paramref name="attempts"/> (1 = the first send): exponential
    /// backoff, <see cref="FirstRetry"/> × 2^(attempts − 1), capped at <see cref="MaxWait"/>.
    /// </summary>
    public TimeSpan WaitAfter(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var seconds = FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxWait.TotalSeconds));
    }
}
