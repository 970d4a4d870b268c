namespace ModScope.Service.Channels;

/// <summary>
/// How an SMTP connection is secured: <see cref="None"/> (plain, for a relay on the same host), <see cref="StartTls"/>
/// (required: upgrade after connecting, port 587), <see cref="Tls"/> (TLS from the first byte, port 465), or
/// <see cref="Auto"/> (STARTTLS when the server offers it, as MailKit's <c>Auto</c>).
/// </summary>
public enum SmtpTls
{
    None,
    StartTls,
    Tls,
    Auto,
}
