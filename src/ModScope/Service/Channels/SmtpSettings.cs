namespace ModScope.Service.Channels;

/// <summary>An SMTP channel: the server, the sender address, how the connection is secured, and where its credentials are.</summary>
/// <param name="Host">The SMTP server's host name.</param>
/// <param name="Port">Its port (25, 465, 587, or a local relay's).</param>
/// <param name="From">The sender address of every message.</param>
/// <param name="Tls">How the connection is secured.</param>
/// <param name="UserVariable">The environment variable holding the user name, or null to send without authenticating.</param>
/// <param name="PasswordVariable">The environment variable holding the password (read at each send, never stored).</param>
public sealed record SmtpSettings(string Host, int Port, string From, SmtpTls Tls, string? UserVariable, string? PasswordVariable);
