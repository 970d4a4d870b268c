namespace ModScope.Service.Channels;

/// <summary>How a channel delivers: by e-mail through an SMTP server, or by an HTTP POST to a webhook.</summary>
public enum ChannelKind
{
    Smtp,
    Webhook,
}
