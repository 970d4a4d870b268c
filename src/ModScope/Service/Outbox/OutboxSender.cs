using ModScope.Monitor.Alerts;
using ModScope.Monitor.Findings;
using ModScope.Service.Channels;
using ModScope.Store;

namespace ModScope.Service.Outbox;

/// <summary>
/// Sends the outbox's due deliveries, one at a time, and records each attempt under the store's write gate: sent, or
/// tried again after the configured backoff, or given up after the last attempt. Delivery is at least once: a crash
/// after a send and before its record sends it again at the next start, with the same idempotency key for the
/// receiver to drop it (the <c>Idempotency-Key</c> header, the e-mail's Message-Id). A channel failing
/// <see cref="DeliverySettings.ChannelAlertAfter"/> attempts in a row opens a data-health alert (subject
/// <c>delivery:CHANNEL</c>); its next success resolves it. The failures in a row are counted from the outbox
/// (<see cref="OutboxStore.FailuresInRow"/>), not in memory, so a restart neither forgets nor restarts them.
/// </summary>
public sealed class OutboxSender(ModScopeStore store, ServiceConfig config, IChannelSender sender, TimeProvider clock)
{
    private readonly OutboxStore _outbox = new(store);
    private readonly AlertStore _alerts = new(store);

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var item in _outbox.Due(clock.GetUtcNow().UtcDateTime))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var error = await TryAsync(item, cancellationToken).ConfigureAwait(false);
            var attempts = item.Attempts + 1;
            var now = clock.GetUtcNow().UtcDateTime;
            DateTime? retry = error is not null && attempts < config.Delivery.MaxAttempts ? now + config.Delivery.WaitAfter(attempts) : null;
            // The record is written even when the server is stopping: the send happened, and forgetting it would send it twice.
            await store.WriteAsync(_ =>
            {
                _outbox.Record(item.Id, attempts, error, retry, now);
                Watch(item.Channel, error, DateOnly.FromDateTime(now));
                return Task.CompletedTask;
            }, CancellationToken.None).ConfigureAwait(false);
            sent += error is null ? 1 : 0;
        }
        return sent;
    }

    private async Task<string?> TryAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (config.Channel(item.Channel) is not { } channel)
        {
            return $"the channel '{item.Channel}' is no longer in {config.File}";
        }
        try
        {
            await sender.SendAsync(channel, item, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a send is recorded on the delivery and retried; none may stop the sender.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>After an attempt is recorded: opens the channel's data-health alert at the threshold of failures in a row, resolves it at a success.</summary>
    private void Watch(string channel, string? error, DateOnly today)
    {
        var subject = "delivery:" + channel;
        if (error is null)
        {
            _alerts.ResolveOpen(subject, "auto");
            return;
        }
        var failures = _outbox.FailuresInRow(channel, config.Delivery);
        if (failures >= config.Delivery.ChannelAlertAfter)
        {
            var message = $"The delivery channel {channel} failed {failures} times in a row; the last error: {error}";
            _alerts.Raise(new AlertFinding(AlertKind.Data, subject, "", today, today, AlertSeverity.Critical, 1, 1.0, AlertDetectors.Delivery, message)
            {
                Value = failures,
                Facts = FindingFacts.Of("delivery.failed", ("channel", FindingFacts.Text(channel)), ("failures", FindingFacts.Count(failures)), ("error", FindingFacts.Text(error))),
            });
        }
    }
}
