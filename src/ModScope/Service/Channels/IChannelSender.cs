using ModScope.Service.Outbox;

namespace ModScope.Service.Channels;

/// <summary>Sends one delivery on one channel; throws <see cref="DeliveryException"/> (or an I/O error) when it did not go.</summary>
public interface IChannelSender
{
    Task SendAsync(Channel channel, OutboxItem item, CancellationToken cancellationToken);
}
