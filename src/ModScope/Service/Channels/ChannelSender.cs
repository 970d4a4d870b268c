using ModScope.Service.Outbox;

namespace ModScope.Service.Channels;

/// <summary>Sends a delivery on its channel: by e-mail (<see cref="SmtpSender"/>) or webhook (<see cref="WebhookSender"/>).</summary>
public sealed class ChannelSender(SmtpSender smtp, WebhookSender webhook) : IChannelSender
{
    public Task SendAsync(Channel channel, OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.Kind == ChannelKind.Smtp
            ? smtp.SendAsync(channel.Smtp!, item, cancellationToken)
            : webhook.SendAsync(channel.Webhook!, item, cancellationToken);
    }
}
