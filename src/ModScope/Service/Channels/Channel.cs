namespace ModScope.Service.Channels;

/// <summary>One entry of <c>channels</c>: a named way to reach people, by e-mail (<see cref="Smtp"/>) or webhook (<see cref="Webhook"/>).</summary>
/// <param name="Name">The name subscriptions and owners refer to it by.</param>
/// <param name="Kind">Which of the two settings is set.</param>
/// <param name="Smtp">For an SMTP channel.</param>
/// <param name="Webhook">For a webhook channel.</param>
public sealed record Channel(string Name, ChannelKind Kind, SmtpSettings? Smtp, WebhookSettings? Webhook);
