using System.Security.Cryptography;
using System.Text;
using MailKit.Security;
using MimeKit;
using ModScope.Service.Outbox;

namespace ModScope.Service.Channels;

/// <summary>
/// Sends a delivery as an e-mail through an SMTP server (MailKit): text body, the report attached, its Message-Id made
/// from the idempotency key (so a mail system can tell a repeat), credentials read from the environment at each send.
/// </summary>
public sealed class SmtpSender(TimeSpan timeout)
{
    public async Task SendAsync(SmtpSettings settings, OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(item);
        if (item.Recipients.Count == 0)
        {
            throw new DeliveryException($"Delivery {item.Id} has no recipients for an e-mail.");
        }
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.AddRange(item.Recipients.Select(MailboxAddress.Parse));
        message.Subject = item.Message.Subject;
        message.MessageId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.Key)))[..32] + "@modscope";
        message.Headers.Add("X-ModScope-Delivery", item.Key);
        var body = new BodyBuilder { TextBody = item.Message.Text };
        if (item.Message is { AttachmentName: { } name, Attachment: { } bytes })
        {
            body.Attachments.Add(name, bytes);
        }
        message.Body = body.ToMessageBody();

        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        var secure = settings.Tls switch
        {
            SmtpTls.None => SecureSocketOptions.None,
            SmtpTls.StartTls => SecureSocketOptions.StartTls,
            SmtpTls.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(settings.Host, settings.Port, secure, cancellationToken).ConfigureAwait(false);
        if (settings is { UserVariable: { } userVariable, PasswordVariable: { } passwordVariable })
        {
            var user = Environment.GetEnvironmentVariable(userVariable);
            var password = Environment.GetEnvironmentVariable(passwordVariable);
            if (string.IsNullOrEmpty(user) || password is null)
            {
                throw new DeliveryException($"The SMTP credentials' variables {userVariable} and {passwordVariable} are not both set in the server's environment.");
            }
            await client.AuthenticateAsync(user, password, cancellationToken).ConfigureAwait(false);
        }
        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
