using System.Net;
using System.Text.Json;
using ModScope.Service.Channels;
using ModScope.Service.Outbox;
using ModScope.Tests.Support;

namespace ModScope.Tests.Service;

/// <summary>Webhook signatures and payload shapes, and e-mail through a real SMTP server on loopback.</summary>
public sealed class ChannelTests
{
    private static readonly OutboxItem Item = new(7, "weekly|report|2026-11-23..2026-11-29", "weekly", "c", ["lead@example.com"],
        new Message("Weekly", "line 1\nline 2", """{"n":1}""", "report.pdf", [37, 80, 68, 70]), OutboxStatus.Pending, 0, DateTime.UnixEpoch, null, DateTime.UnixEpoch, null);

    [Fact]
    public void A_signature_is_hmac_sha256_of_the_timestamp_and_body()
    {
        // Expected from Python: hmac.new(b's3cret', b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
        var header = WebhookSignature.Sign("s3cret", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), """{"a":1}""");

        Assert.Equal("t=1700000000,v1=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940", header);
        Assert.True(WebhookSignature.Verify("s3cret", header, """{"a":1}"""));
        Assert.False(WebhookSignature.Verify("s3cret", header, """{"a":2}"""));
        Assert.False(WebhookSignature.Verify("other", header, """{"a":1}"""));
    }

    [Fact]
    public void Payloads_take_the_plain_slack_or_teams_shape()
    {
        using var plain = JsonDocument.Parse(WebhookPayload.For(Item, PayloadShape.Plain));
        using var slack = JsonDocument.Parse(WebhookPayload.For(Item, PayloadShape.Slack));
        using var teams = JsonDocument.Parse(WebhookPayload.For(Item, PayloadShape.Teams));

        Assert.Equal((Item.Key, 1), (plain.RootElement.GetProperty("key").GetString(), plain.RootElement.GetProperty("data").GetProperty("n").GetInt32()));
        Assert.Equal("*Weekly*\nline 1\nline 2", slack.RootElement.GetProperty("text").GetString());
        Assert.Equal(("MessageCard", "Weekly", "line 1\n\nline 2"), (teams.RootElement.GetProperty("@type").GetString(),
            teams.RootElement.GetProperty("title").GetString(), teams.RootElement.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task A_webhook_gets_the_key_and_a_signature_it_can_verify_and_a_refusal_is_an_error()
    {
        Environment.SetEnvironmentVariable("MODSCOPE_TEST_HOOK_SECRET", "k3y");
        var handler = new Recorder(HttpStatusCode.OK);
        using var http = new HttpClient(handler);
        var sender = new WebhookSender(http, TimeProvider.System);
        var settings = new WebhookSettings(new Uri("http://127.0.0.1:9/hook"), "MODSCOPE_TEST_HOOK_SECRET", PayloadShape.Plain);

        await sender.SendAsync(settings, Item, CancellationToken.None);

        Assert.Equal(Item.Key, handler.Key);
        Assert.True(WebhookSignature.Verify("k3y", handler.Signature!, handler.Body!));
        handler.Status = HttpStatusCode.ServiceUnavailable;
        var error = await Assert.ThrowsAsync<DeliveryException>(() => sender.SendAsync(settings, Item, CancellationToken.None));
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        var unset = await Assert.ThrowsAsync<DeliveryException>(() => sender.SendAsync(settings with { SecretVariable = "MODSCOPE_TEST_UNSET_VARIABLE" }, Item, CancellationToken.None));
        Assert.Contains("MODSCOPE_TEST_UNSET_VARIABLE is not set", unset.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_reaches_a_real_smtp_server_with_its_attachment_and_a_message_id_from_the_key()
    {
        using var sink = new SmtpSink();
        var settings = new SmtpSettings("127.0.0.1", sink.Port, "modscope@example.com", SmtpTls.None, null, null);

        await new SmtpSender(TimeSpan.FromSeconds(10)).SendAsync(settings, Item, CancellationToken.None);

        var mail = Assert.Single(sink.Messages);
        Assert.Equal(("Weekly", "lead@example.com", Item.Key), (mail.Subject, mail.To.Mailboxes.Single().Address, mail.Headers["X-ModScope-Delivery"]));
        var attachment = Assert.IsType<MimeKit.MimePart>(Assert.Single(mail.Attachments));
        using var bytes = new MemoryStream();
        await Assert.IsType<MimeKit.MimeContent>(attachment.Content).DecodeToAsync(bytes);
        Assert.Equal(("report.pdf", "%PDF"), (attachment.FileName, System.Text.Encoding.ASCII.GetString(bytes.ToArray())));
        Assert.EndsWith("@modscope", mail.MessageId, StringComparison.Ordinal);
    }

    private sealed class Recorder(HttpStatusCode status) : HttpMessageHandler
    {
        public HttpStatusCode Status { get; set; } = status;

        public string? Body { get; private set; }

        public string? Key { get; private set; }

        public string? Signature { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            Key = request.Headers.GetValues("Idempotency-Key").Single();
            Signature = request.Headers.TryGetValues(WebhookSignature.Header, out var values) ? values.Single() : null;
            return new HttpResponseMessage(Status) { Content = new StringContent("busy") };
        }
    }
}
