using System.Text;
using ModScope.Service.Outbox;

namespace ModScope.Service.Channels;

/// <summary>
/// POSTs a delivery to a webhook: the body in the channel's shape, signed (<see cref="WebhookSignature"/>) when the
/// channel has a secret, with the idempotency key in <c>Idempotency-Key</c> so a receiver can drop a repeat. Any answer
/// but 2xx is a failure (its status and the start of its body are the error).
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider clock)
{
    public async Task SendAsync(WebhookSettings settings, OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(item);
        var body = WebhookPayload.For(item, settings.Shape);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", item.Key);
        if (settings.SecretVariable is { } variable)
        {
            var secret = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(secret))
            {
                throw new DeliveryException($"The webhook's secret variable {variable} is not set in the server's environment.");
            }
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, clock.GetUtcNow(), body));
        }
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new DeliveryException($"{settings.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}: {text[..Math.Min(text.Length, 200)]}");
        }
    }
}
